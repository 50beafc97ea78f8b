/// The key-value metadata of a GGUF file, as far as archcalc keeps it: numbers, booleans, short strings,
/// integer arrays of up to 65,536 entries (per-layer head counts) and the length of every other array.
public struct GGUFMetadata: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        case integer(Int128)
        case float(Double)
        case bool(Bool)
        /// A string; `nil` text when it was longer than archcalc keeps (skipped, never read).
        case string(String?)
        /// An array: its length, and its values when they are integers (or booleans) and few.
        case array(count: Int, integers: [Int]?)
    }

    public var values: [String: Value] = [:]

    public subscript(_ key: String) -> Value? { values[key] }

    /// A scalar integer value that fits an `Int`.
    public func int(_ key: String) -> Int? {
        if case .integer(let value) = values[key] { return Int(exactly: value) }
        return nil
    }

    /// An integer per layer: a scalar repeated, or an array kept in full.
    public func perLayer(_ key: String) -> [Int]? {
        switch values[key] {
        case .integer(let value): Int(exactly: value).map { [$0] }
        case .array(_, let integers): integers
        default: nil
        }
    }

    public func string(_ key: String) -> String? {
        if case .string(let text) = values[key] { return text }
        return nil
    }

    public func arrayCount(_ key: String) -> Int? {
        if case .array(let count, _) = values[key] { return count }
        return nil
    }
}

extension GGUFCursor {
    /// Bytes of each fixed-size GGUF value type (`gguf_type`), by id; strings (8) and arrays (9) vary.
    static func fixedWidth(_ type: UInt32) -> Int? {
        switch type {
        case 0, 1, 7: 1
        case 2, 3: 2
        case 4, 5, 6: 4
        case 10, 11, 12: 8
        default: nil
        }
    }

    /// Limits on what a header may declare, however large the file.
    static let maxArrayEntries = 1 << 24
    static let keptIntegers = 65_536

    /// One metadata value of `type`.
    mutating func value(type: UInt32, depth: Int = 0) throws(CheckpointError) -> GGUFMetadata.Value {
        let start = offset
        switch type {
        case 8: return .string(try string(keep: 4096, what: "metadata string"))
        case 9: return try array(depth: depth, start: start)
        default:
            guard let width = Self.fixedWidth(type) else { throw fail("unknown metadata value type \(type)", at: start) }
            let raw = try integer(width)
            switch type {
            case 1: return .integer(Int128(Int8(truncatingIfNeeded: raw)))
            case 3: return .integer(Int128(Int16(truncatingIfNeeded: raw)))
            case 5: return .integer(Int128(Int32(truncatingIfNeeded: raw)))
            case 11: return .integer(Int128(Int64(bitPattern: raw)))
            case 6: return .float(Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw))))
            case 12: return .float(Double(bitPattern: raw))
            case 7: return .bool(raw != 0)
            default: return .integer(Int128(raw))
            }
        }
    }

    private mutating func array(depth: Int, start: Int) throws(CheckpointError) -> GGUFMetadata.Value {
        guard depth < 4 else { throw fail("metadata arrays nested deeper than 4 levels", at: start) }
        let itemType = try u32()
        let count64 = try u64()
        guard count64 <= UInt64(Self.maxArrayEntries) else {
            throw fail("metadata array of \(count64) entries exceeds the limit of \(Self.maxArrayEntries)", at: start)
        }
        let count = Int(count64)
        if let width = Self.fixedWidth(itemType), itemType != 6, itemType != 12, count <= Self.keptIntegers {
            var integers: [Int] = []
            integers.reserveCapacity(count)
            for _ in 0..<count {
                switch try value(type: itemType) {
                case .bool(let flag): integers.append(flag ? 1 : 0)
                case .integer(let value):
                    guard let small = Int(exactly: value) else { throw fail("metadata integer out of range") }
                    integers.append(small)
                default: throw fail("unexpected metadata value")
                }
            }
            _ = width
            return .array(count: count, integers: integers)
        }
        if let width = Self.fixedWidth(itemType) {
            try skip(UInt64(count) * UInt64(width), what: "metadata array")
            return .array(count: count, integers: nil)
        }
        guard itemType == 8 || itemType == 9 else { throw fail("unknown metadata array type \(itemType)", at: start) }
        guard count <= remaining / 8 else {
            throw fail("metadata array of \(count) entries runs past the end of the file", at: start)
        }
        for _ in 0..<count {
            if itemType == 8 { _ = try string(keep: 0, what: "metadata string") } else { _ = try value(type: 9, depth: depth + 1) }
        }
        return .array(count: count, integers: nil)
    }
}
