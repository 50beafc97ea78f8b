/// Why a sizing could not be computed.
public enum SizingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The cost model refused the spec or workload.
    case cost(CostError)
    /// A quantisation setting is invalid or a count overflowed.
    case quantization(QuantizationError)
    /// An option is out of range (batch below 1, tp not dividing heads when given explicitly).
    case invalidOption(String)
    /// A sweep specification could not be parsed.
    case invalidSweep(String)

    public var description: String {
        switch self {
        case .cost(let error): error.description
        case .quantization(let error): error.description
        case .invalidOption(let message): message
        case .invalidSweep(let message): message
        }
    }
}

/// Overflow-checked arithmetic on user-derived sizes for the sizing model.
enum Wide {
    static func mul(_ values: Int128..., term: String) throws(SizingError) -> Int128 {
        var result: Int128 = 1
        for value in values {
            let (product, overflow) = result.multipliedReportingOverflow(by: value)
            if overflow { throw .cost(.tooLarge(term)) }
            result = product
        }
        return result
    }

    static func add(_ values: Int128..., term: String) throws(SizingError) -> Int128 {
        var result: Int128 = 0
        for value in values {
            let (sum, overflow) = result.addingReportingOverflow(value)
            if overflow { throw .cost(.tooLarge(term)) }
            result = sum
        }
        return result
    }

    /// Bytes of `count` elements of `bits` each, rounded up.
    static func bytes(_ count: Int128, bits: Int, term: String) throws(SizingError) -> Int128 {
        (try mul(count, Int128(bits), term: term) + 7) / 8
    }
}
