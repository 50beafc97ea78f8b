/// Encodes `Encodable` values into a `YAMLOutput` tree for `YAMLEmitter`, writing scalars as Yams 6.2.2's
/// `YAMLEncoder` did (`YAMLScalarText`), so profiles written before read and compare the same.
///
/// The `Codable` walk is `JSONValueEncoder`'s (keys in encoding order, `encodeIfPresent` of `nil` writes nothing,
/// explicit `nil` is `null`); this type only turns its tree into YAML scalars. A value that encoded nothing is an
/// empty mapping, as in Yams.
struct YAMLNodeEncoder {
    func encode<T: Encodable>(_ value: T) throws -> YAMLOutput {
        let tree = try JSONValueEncoder.encode(value)
        if case .null = tree { return .mapping([]) }
        return Self.output(tree)
    }

    static func output(_ value: JSONValue) -> YAMLOutput {
        switch value {
        case .null: .scalar("null", .any)
        case .bool(let flag): .scalar(flag ? "true" : "false", .any)
        case .int(let number): .scalar(number.description, .any)
        case .double(let number): .scalar(YAMLScalarText.double(number), .any)
        case .string(let text): .scalar(text, YAMLScalarText.readsAsString(text) ? .any : .singleQuoted)
        case .array(let items): .sequence(items.map(output))
        case .object(let members): .mapping(members.map { YAMLOutput.Entry(key: $0.0, value: output($0.1)) })
        }
    }
}
