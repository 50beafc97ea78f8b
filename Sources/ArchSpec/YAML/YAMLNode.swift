/// A position in a source file: 1-based line and column, columns counted in Unicode scalars (as libyaml does).
public struct SourceLocation: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A composed YAML node that remembers where it was written.
///
/// Unlike Yams' `Node`, aliases are already resolved with a bounded expansion budget, duplicate keys are kept as
/// findings instead of aborting, and merge keys (`<<`) are applied.
public indirect enum YAMLNode: Hashable, Sendable {
    case scalar(YAMLScalar)
    case mapping(YAMLMapping)
    case sequence(YAMLSequence)

    /// Where the node starts.
    public var location: SourceLocation {
        switch self {
        case .scalar(let scalar): scalar.location
        case .mapping(let mapping): mapping.location
        case .sequence(let sequence): sequence.location
        }
    }

    /// The explicit tag (`!!str`, `!custom`), if one was written.
    public var tag: String? {
        switch self {
        case .scalar(let scalar): scalar.tag
        case .mapping(let mapping): mapping.tag
        case .sequence(let sequence): sequence.tag
        }
    }

    /// A short noun for messages: "a string", "a mapping", "a list".
    public var kindDescription: String {
        switch self {
        case .scalar: "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    public var mapping: YAMLMapping? {
        if case .mapping(let mapping) = self { return mapping }
        return nil
    }

    public var sequence: YAMLSequence? {
        if case .sequence(let sequence) = self { return sequence }
        return nil
    }
}

public struct YAMLScalar: Hashable, Sendable {
    public enum Style: String, Hashable, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public var value: String
    public var style: Style
    public var tag: String?
    public var location: SourceLocation

    /// Whether the scalar was quoted or a block scalar (so it is a string whatever it looks like).
    public var isQuoted: Bool { style != .plain }
}

public struct YAMLMapping: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var key: YAMLNode
        public var value: YAMLNode
        /// The key as text, when it is a scalar.
        public var name: String? { key.scalar?.value }
    }

    public var entries: [Entry]
    public var tag: String?
    public var location: SourceLocation

    /// The value of the first entry whose key is `name`.
    public subscript(name: String) -> YAMLNode? {
        entries.first { $0.name == name }?.value
    }
}

public struct YAMLSequence: Hashable, Sendable {
    public var items: [YAMLNode]
    public var tag: String?
    public var location: SourceLocation
}
