/// Builds the JSON Schema (draft-07) for archspec files from `SpecSchema`, for editors (yaml-language-server).
public enum JSONSchemaGenerator {
    /// The schema document; `docs/archspec.schema.json` holds its rendering and a test keeps them equal.
    public static func schema() -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("$schema", .string("http://json-schema.org/draft-07/schema#")),
            ("$id", .string("https://archcalc.dev/schema/archspec-v1.json")),
            ("title", .string("archspec v1")),
            ("description", .string("A transformer architecture for archcalc. See docs/spec-format.md.")),
        ]
        members += object(SpecSchema.root)
        return .object(members)
    }

    static func object(_ fields: [SchemaField]) -> [(String, JSONValue)] {
        var result: [(String, JSONValue)] = [("type", .string("object"))]
        let required = fields.filter(\.required).map { JSONValue.string($0.key) }
        if !required.isEmpty { result.append(("required", .array(required))) }
        result.append(("properties", .object(fields.map { ($0.key, property($0)) })))
        result.append(("additionalProperties", .bool(false)))
        return result
    }

    static func property(_ field: SchemaField) -> JSONValue {
        var members: [(String, JSONValue)] = [("description", .string(description(field)))]
        switch field.kind {
        case .integer(let minimum):
            members += [("type", .string("integer")), ("minimum", .int(minimum))]
            if field.key == "archspec" { members.append(("const", .int(SpecSchema.version))) }
        case .number:
            members.append(("type", .string("number")))
        case .boolean:
            members.append(("type", .string("boolean")))
        case .string:
            members.append(("type", .string("string")))
        case .choice(let options):
            let accepted = SpecSchema.spellings(of: options).map { JSONValue.string($0.spelling) }
            members += [("type", .string("string")), ("enum", .array(accepted))]
        case .section(let children):
            members += object(children)
        case .integerList(let minimum):
            members += [("type", .string("array")), ("items", integer(minimum))]
        case .choiceList(let options):
            members += [
                ("type", .string("array")),
                ("items", .object([("type", .string("string")), ("enum", .array(options.map(JSONValue.string)))])),
            ]
        case .integerOrList(let minimum):
            members.append(("oneOf", .array([
                integer(minimum), .object([("type", .string("array")), ("items", integer(minimum))]),
            ])))
        }
        if let value = defaultValue(field) { members.append(("default", value)) }
        return .object(members)
    }

    /// The field's default as a JSON value, when the schema states a literal one (`bf16`, `false`, `1`, `[]`);
    /// `nil` for derived defaults (`hidden_size / heads`, `the file name`).
    static func defaultValue(_ field: SchemaField) -> JSONValue? {
        guard let text = field.defaultDescription else { return nil }
        switch field.kind {
        case .boolean:
            return text == "true" ? .bool(true) : text == "false" ? .bool(false) : nil
        case .integer(let minimum), .integerOrList(let minimum):
            return Int(text).flatMap { $0 >= minimum ? .int($0) : nil }
        case .number:
            return Double(text).map(JSONValue.double)
        case .choice(let options):
            return options.contains(text) ? .string(text) : nil
        case .integerList:
            return text == "[]" ? .array([]) : nil
        case .string, .section, .choiceList:
            return nil
        }
    }

    static func integer(_ minimum: Int) -> JSONValue {
        .object([("type", .string("integer")), ("minimum", .int(minimum))])
    }

    static func description(_ field: SchemaField) -> String {
        guard let fallback = field.defaultDescription else { return field.summary }
        return "\(field.summary) Default: \(fallback)."
    }
}
