/// Checks mapped config values against the archspec schema (minimums, choices, known paths), so a config
/// reaches the resolver under the same rules as a YAML spec: `"num_ln_in_parallel_attn": -1` or a negative
/// `max_window_layers` is a located error, never a negative count.
extension HFMapping {
    mutating func checkAgainstSchema() {
        for (path, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let field = SchemaField.find(path, in: SpecSchema.root) else {
                config.error(.unsupported, "internal: \(path) is not an archspec key", at: nil, key: path)
                continue
            }
            if let problem = Self.problem(with: value, for: field.kind, path: path) {
                let origin = notes[path].map { " (from \($0))" } ?? ""
                config.error(.outOfRange, problem + origin, at: sourceMap.location(of: path), key: path)
            }
        }
    }

    static func problem(with value: FieldValue, for kind: SchemaField.Kind, path: String) -> String? {
        switch (kind, value) {
        case (.integer(let minimum), .integer(let number)), (.integerOrList(let minimum), .integer(let number)):
            if number > SchemaReader.maximumInteger {
                return "\(path) is too large: \(number) exceeds the limit of \(SchemaReader.maximumInteger)"
            }
            return number < minimum ? "\(path) must be at least \(minimum), got \(number)" : nil
        case (.integerList(let minimum), .integers(let list)), (.integerOrList(let minimum), .integers(let list)):
            if let big = list.first(where: { $0 > SchemaReader.maximumInteger }) {
                return "\(path) is too large: \(big) exceeds the limit of \(SchemaReader.maximumInteger)"
            }
            return list.first { $0 < minimum }.map { "\(path) must list values of at least \(minimum), got \($0)" }
        case (.choice(let options), .string(let text)):
            return options.contains(text) ? nil : "\(path) must be one of \(options.joined(separator: ", ")), got '\(Escaping.short(text))'"
        case (.choiceList(let options), .strings(let list)):
            return list.first { !options.contains($0) }.map { "\(path) must list \(options.joined(separator: " or ")), got '\($0)'" }
        case (.number, .number), (.number, .integer), (.boolean, .boolean), (.string, .string):
            return nil
        default:
            return "\(path) has the wrong type"
        }
    }
}
