/// Overflow-checked arithmetic for cost formulas.
///
/// Every cost is an exact `Int128`. Sizes come from user files, so a product may overflow even 128 bits
/// (a spec with 10^12 layers and 10^9 hidden size); these helpers throw `CostError.tooLarge` instead of trapping.
enum Checked {
    static func mul(_ values: Int128..., term: String) throws(CostError) -> Int128 {
        var result: Int128 = 1
        for value in values {
            let (product, overflow) = result.multipliedReportingOverflow(by: value)
            if overflow { throw .tooLarge(term) }
            result = product
        }
        return result
    }

    static func add(_ values: Int128..., term: String) throws(CostError) -> Int128 {
        try sum(values, term: term)
    }

    static func sum(_ values: [Int128], term: String) throws(CostError) -> Int128 {
        var result: Int128 = 0
        for value in values {
            let (total, overflow) = result.addingReportingOverflow(value)
            if overflow { throw .tooLarge(term) }
            result = total
        }
        return result
    }
}

extension Int128 {
    /// Widens a user-supplied size.
    @inline(__always) init(size: Int) { self.init(size) }
}

/// Why an estimate could not be computed.
public enum CostError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A term does not fit in 128 bits: the spec's sizes are unrealistically large.
    case tooLarge(String)
    /// An option is out of range (context or batch not positive).
    case invalidOption(String)
    /// The spec's layers could not be laid out (see `PlanError`).
    case layout(String)

    public var description: String {
        switch self {
        case .tooLarge(let term):
            "\(term) is too large to count exactly (over 2^127); check the spec's sizes"
        case .invalidOption(let message), .layout(let message):
            message
        }
    }
}
