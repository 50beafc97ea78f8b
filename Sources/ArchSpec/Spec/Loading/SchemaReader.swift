/// Walks a YAML mapping against the schema, collecting typed values and located problems.
struct SchemaReader {
    let file: String
    var values: [String: FieldValue] = [:]
    var sourceMap = SourceMap()
    var diagnostics: [Diagnostic] = []
    /// Unknown keys seen; only the first `maxSuggestions` get a "did you mean" (an edit distance per field).
    var unknownKeys = 0
    static let maxSuggestions = 1_000

    init(file: String) { self.file = file }

    mutating func read(_ mapping: YAMLMapping, fields: [SchemaField], prefix: String = "") {
        for entry in mapping.entries {
            guard let key = entry.key.scalar?.value else {
                report(.wrongType, "keys must be plain strings, found \(entry.key.kindDescription)",
                       at: entry.key.location, path: prefix)
                continue
            }
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            guard let field = fields.first(where: { $0.key == key }) else {
                reportUnknown(key, path: path, at: entry.key.location, fields: fields, prefix: prefix)
                continue
            }
            sourceMap.keys[path] = entry.key.location
            sourceMap.values[path] = entry.value.location
            if let tag = entry.value.tag, !Self.standardTags.contains(tag) {
                report(.unsupported, "tag \(Escaping.short(tag)) is not supported in specs", at: entry.value.location,
                       path: path)
                continue
            }
            readValue(entry.value, field: field, path: path)
        }
        for field in fields where field.required {
            let path = prefix.isEmpty ? field.key : "\(prefix).\(field.key)"
            if mapping[field.key] == nil {
                let within = prefix.isEmpty ? "" : " in \(prefix)"
                report(.missingField, "missing required key '\(field.key)'\(within)", at: mapping.location, path: path)
            }
        }
    }

    /// The largest size any key accepts (2^32): far above every real model, small enough that products of a
    /// few sizes stay well inside the cost model's 128-bit arithmetic.
    static let maximumInteger = 1 << 32

    static let standardTags: Set<String> = [
        "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "!",
    ]

    private mutating func readValue(_ node: YAMLNode, field: SchemaField, path: String) {
        switch field.kind {
        case .section(let children):
            guard case .mapping(let mapping) = node else {
                return mismatch(path, expected: "a mapping", found: node)
            }
            read(mapping, fields: children, prefix: path)
        case .integerList(let minimum):
            readList(node, minimum: minimum, path: path)
        case .integerOrList(let minimum):
            if case .sequence = node { readList(node, minimum: minimum, path: path) } else {
                readScalar(node, kind: .integer(minimum: minimum), path: path)
            }
        case .choiceList(let options):
            readChoiceList(node, options: options, path: path)
        default:
            readScalar(node, kind: field.kind, path: path)
        }
    }

    private mutating func readList(_ node: YAMLNode, minimum: Int, path: String) {
        guard case .sequence(let sequence) = node else { return mismatch(path, expected: "a list of integers", found: node) }
        var result: [Int] = []
        result.reserveCapacity(sequence.items.count)
        for (index, item) in sequence.items.enumerated() {
            guard case .scalar(let scalar) = item else {
                return mismatch("\(path)[\(index)]", expected: "an integer", found: item)
            }
            guard let value = integer(scalar, minimum: minimum, path: "\(path)[\(index)]") else { return }
            result.append(value)
        }
        values[path] = .integers(result)
    }

    private mutating func readChoiceList(_ node: YAMLNode, options: [String], path: String) {
        guard case .sequence(let sequence) = node else {
            return mismatch(path, expected: "a list of \(options.joined(separator: " or "))", found: node)
        }
        guard !sequence.items.isEmpty else {
            return report(.invalidValue, "\(path) must not be empty", at: sequence.location, path: path)
        }
        var result: [String] = []
        for (index, item) in sequence.items.enumerated() {
            guard case .scalar(let scalar) = item, options.contains(scalar.value) else {
                let found = item.scalar.map { "'\(Escaping.short($0.value))'" } ?? item.kindDescription
                return report(.invalidValue,
                              "\(path)[\(index)] must be one of \(options.joined(separator: ", ")), got \(found)",
                              at: item.location, path: path)
            }
            result.append(scalar.value)
        }
        values[path] = .strings(result)
    }

    private mutating func readScalar(_ node: YAMLNode, kind: SchemaField.Kind, path: String) {
        guard case .scalar(let scalar) = node else {
            return mismatch(path, expected: Self.expectation(kind), found: node)
        }
        switch kind {
        case .integer(let minimum):
            if let value = integer(scalar, minimum: minimum, path: path) { values[path] = .integer(value) }
        case .number:
            switch ScalarParsing.number(scalar) {
            case .value(let value): values[path] = .number(value)
            case .mismatch(let found), .outOfRange(let found):
                report(.wrongType, "\(path) must be a number, got \(found)", at: scalar.location, path: path)
            }
        case .boolean:
            switch ScalarParsing.boolean(scalar) {
            case .value(let value): values[path] = .boolean(value)
            case .mismatch(let found), .outOfRange(let found):
                report(.wrongType, "\(path) must be true or false, got \(found)", at: scalar.location, path: path)
            }
        case .string:
            switch ScalarParsing.string(scalar) {
            case .value(let value): values[path] = .string(value)
            case .mismatch(let found), .outOfRange(let found):
                report(.wrongType, "\(path) must be a string, got \(found)", at: scalar.location, path: path)
            }
        case .choice(let options):
            readChoice(scalar, options: options, path: path)
        default:
            break
        }
    }

    private mutating func readChoice(_ scalar: YAMLScalar, options: [String], path: String) {
        let text = scalar.value
        if let accepted = SpecSchema.spellings(of: options).first(where: { $0.spelling == text }) {
            return values[path] = .string(accepted.canonical)
        }
        let hint = Suggestion.nearest(to: text, among: options, path: "").map { "; did you mean \($0)?" } ?? ""
        report(.invalidValue,
               "\(path) must be one of \(options.joined(separator: ", ")), got '\(Escaping.short(text))'\(hint)",
               at: scalar.location, path: path)
    }

    private mutating func integer(_ scalar: YAMLScalar, minimum: Int, path makePath: @autoclosure () -> String) -> Int? {
        let outcome = ScalarParsing.integer(scalar)
        if case .value(let value) = outcome, value >= minimum, value <= Self.maximumInteger { return value }
        let path = makePath()
        switch outcome {
        case .value(let value):
            guard value <= Self.maximumInteger else {
                report(.outOfRange, "\(path) is too large: \(value) exceeds the limit of \(Self.maximumInteger)",
                       at: scalar.location, path: path)
                return nil
            }
            guard value >= minimum else {
                report(.outOfRange, "\(path) must be at least \(minimum), got \(value)", at: scalar.location, path: path)
                return nil
            }
            return value
        case .mismatch(let found):
            report(.wrongType, "\(path) must be an integer, got \(found)", at: scalar.location, path: path)
        case .outOfRange(let found):
            report(.outOfRange, "\(path) is out of range: \(found) does not fit in a 64-bit integer",
                   at: scalar.location, path: path)
        }
        return nil
    }

    private mutating func mismatch(_ path: String, expected: String, found node: YAMLNode) {
        report(.wrongType, "\(path) must be \(expected), got \(node.kindDescription)", at: node.location, path: path)
    }

    private mutating func reportUnknown(
        _ key: String, path: String, at location: SourceLocation, fields: [SchemaField], prefix: String
    ) {
        unknownKeys += 1
        let suggestion = unknownKeys > Self.maxSuggestions ? nil : Suggestion.nearest(to: key, among: fields.map(\.key), path: prefix)
        let hint = suggestion.map { "; did you mean \($0)?" } ?? ""
        let within = prefix.isEmpty ? "" : " in \(prefix)"
        report(.unknownKey, "unknown key '\(Escaping.short(key))'\(within)\(hint)", at: location, path: path)
    }

    static func expectation(_ kind: SchemaField.Kind) -> String {
        switch kind {
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "true or false"
        case .string: "a string"
        case .choice(let options): "one of \(options.joined(separator: ", "))"
        case .section: "a mapping"
        case .integerList: "a list of integers"
        case .integerOrList: "an integer or a list of integers"
        case .choiceList(let options): "a list of \(options.joined(separator: " or "))"
        }
    }

    mutating func report(_ problem: LoadProblem, _ message: String, at location: SourceLocation?, path: String?) {
        diagnostics.append(Diagnostic(
            severity: .error, code: .load(problem), message: message, file: file, location: location,
            keyPath: path))
    }
}
