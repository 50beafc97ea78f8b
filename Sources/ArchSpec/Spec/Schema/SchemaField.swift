/// One key the archspec format accepts: its type, whether it is required, its default and documentation.
///
/// The schema drives loading (types, unknown-key suggestions), the JSON Schema in `docs/archspec.schema.json`
/// and the format reference, so the three cannot drift apart.
public struct SchemaField: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A whole number of at least `minimum`.
        case integer(minimum: Int)
        /// Any real number (plain integers included).
        case number
        case boolean
        case string
        /// One of a closed set of strings.
        case choice([String])
        /// A nested mapping.
        case section([SchemaField])
        /// A list of integers, each at least `minimum`.
        case integerList(minimum: Int)
        /// An integer, or a list of integers, one per layer.
        case integerOrList(minimum: Int)
        /// A non-empty list of strings, each one of a closed set.
        case choiceList([String])
    }

    public var key: String
    public var kind: Kind
    public var required: Bool
    /// The default, as the docs state it (`nil` when there is none or it is derived).
    public var defaultDescription: String?
    /// One sentence for docs and editor hovers.
    public var summary: String

    public init(_ key: String, _ kind: Kind, required: Bool = false, default defaultDescription: String? = nil,
                _ summary: String) {
        self.key = key
        self.kind = kind
        self.required = required
        self.defaultDescription = defaultDescription
        self.summary = summary
    }

    public var children: [SchemaField] {
        if case .section(let fields) = kind { return fields }
        return []
    }

    /// The schema field at a dotted path below `fields`.
    public static func find(_ path: String, in fields: [SchemaField]) -> SchemaField? {
        var current = fields
        var found: SchemaField?
        for part in path.split(separator: ".") {
            guard let field = current.first(where: { $0.key == part }) else { return nil }
            found = field
            current = field.children
        }
        return found
    }
}
