/// A typed value read from a spec key, before defaults and derived values are applied.
public enum FieldValue: Hashable, Sendable {
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case string(String)
    case integers([Int])
    case strings([String])

    public var integer: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    public var boolean: Bool? {
        if case .boolean(let value) = self { return value }
        return nil
    }

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var integers: [Int]? {
        if case .integers(let value) = self { return value }
        return nil
    }

    public var strings: [String]? {
        if case .strings(let value) = self { return value }
        return nil
    }

    public var number: Double? {
        switch self {
        case .number(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }
}

/// Where each key of a spec was written: key paths such as `attention.kv_heads` to the key's position.
public struct SourceMap: Hashable, Sendable {
    /// Position of each key.
    public var keys: [String: SourceLocation] = [:]
    /// Position of each value.
    public var values: [String: SourceLocation] = [:]

    public init() {}

    /// The best position for a message about `path`: its value, its key, or the nearest enclosing section's key.
    public func location(of path: String) -> SourceLocation? {
        if let value = values[path] { return value }
        if let key = keys[path] { return key }
        var parts = path.split(separator: ".")
        while !parts.isEmpty {
            parts.removeLast()
            if let key = keys[parts.joined(separator: ".")] { return key }
        }
        return nil
    }
}
