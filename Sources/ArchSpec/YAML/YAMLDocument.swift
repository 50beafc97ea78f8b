/// A parsed YAML document with what the composer noticed on the way.
public struct YAMLDocument: Sendable {
    /// The root node, or `nil` for an empty document.
    public var root: YAMLNode?
    /// Keys written twice in one mapping: the later occurrence is dropped from `root`.
    public var duplicateKeys: [DuplicateKey]
    /// Anchors (`&name`) and how often each was referenced.
    public var anchors: [Anchor]
    /// Every comment, in order (for inline suppressions).
    public var comments: [Comment]
    /// Byte range of every line's content, split where libyaml splits lines (`LineBreaks`).
    public var lines: [Range<Int>] = []

    public struct DuplicateKey: Hashable, Sendable {
        public var key: String
        public var first: SourceLocation
        public var duplicate: SourceLocation
    }

    public struct Anchor: Hashable, Sendable {
        public var name: String
        public var location: SourceLocation
        public var uses: Int
    }

    public struct Comment: Hashable, Sendable {
        /// Comment text after `#`, untrimmed.
        public var text: String
        public var location: SourceLocation
        /// Whether code precedes the comment on its line.
        public var isTrailing: Bool
    }
}

/// Limits that keep hostile documents cheap to refuse.
public struct YAMLLimits: Hashable, Sendable {
    /// Largest input accepted, bytes.
    public var maxBytes: Int = 4 << 20
    /// Largest number of nodes after alias expansion.
    public var maxNodes: Int = 250_000
    /// Deepest nesting of mappings and sequences.
    public var maxDepth: Int = 128

    public init() {}
    public static let `default` = YAMLLimits()
}

/// Why a YAML document could not be read.
public enum YAMLError: Error, Hashable, Sendable {
    case syntax(String, SourceLocation)
    case tooLarge(bytes: Int, limit: Int)
    case notText(SourceLocation)
    case aliasExpansion(limit: Int, SourceLocation)
    case tooDeep(limit: Int, SourceLocation)
    case multipleDocuments(SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .syntax(_, let location), .notText(let location), .aliasExpansion(_, let location),
            .tooDeep(_, let location), .multipleDocuments(let location):
            location
        case .tooLarge: SourceLocation(line: 1, column: 1)
        }
    }

    public var message: String {
        switch self {
        case .syntax(let problem, _): "invalid YAML: \(problem)"
        case .tooLarge(let bytes, let limit): "file is too large (\(bytes) bytes; the limit is \(limit) bytes)"
        case .notText: "file is not UTF-8 text (binary data or a NUL byte)"
        case .aliasExpansion(let limit, _):
            "document expands to more than \(limit) nodes (an alias bomb or a huge list); refusing it"
        case .tooDeep(let limit, _): "nesting deeper than \(limit) levels"
        case .multipleDocuments: "expected a single YAML document, found another one"
        }
    }
}
