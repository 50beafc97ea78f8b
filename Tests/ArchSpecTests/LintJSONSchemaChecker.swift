/// A small JSON Schema (draft-04) checker for the keywords the SARIF 2.1.0 schema uses: type, properties,
/// additionalProperties, required, enum, $ref (local), items, minItems, uniqueItems, minimum, maximum, pattern,
/// anyOf, oneOf. `format` is not checked here (scripts/validate-sarif.py checks it with python `jsonschema`).
struct LintJSONSchemaChecker {
    let root: TestJSON

    func check(_ value: TestJSON) -> [String] {
        var errors: [String] = []
        check(value, against: root, at: "$", into: &errors)
        return errors
    }

    private func check(_ value: TestJSON, against schema: TestJSON, at path: String, into errors: inout [String]) {
        guard case .object(let rules) = schema else { return }
        if case .string(let reference)? = rules["$ref"] {
            let name = String(reference.dropFirst("#/definitions/".count))
            guard reference.hasPrefix("#/definitions/"), case .object(let definitions)? = root["definitions"],
                  let target = definitions[name]
            else { return errors.append("\(path): unresolvable $ref \(reference)") }
            check(value, against: target, at: path, into: &errors)
        }
        if case .string(let type)? = rules["type"], !value.has(type: type) {
            return errors.append("\(path): expected \(type), got \(value)")
        }
        if case .array(let options)? = rules["enum"], !options.contains(value) {
            errors.append("\(path): \(value) is not one of \(options)")
        }
        if case .number(let number) = value {
            if case .number(let minimum)? = rules["minimum"], number < minimum { errors.append("\(path): \(number) < \(minimum)") }
            if case .number(let maximum)? = rules["maximum"], number > maximum { errors.append("\(path): \(number) > \(maximum)") }
        }
        if case .string(let text) = value, case .string(let pattern)? = rules["pattern"] {
            if let regex = try? Regex(pattern), (try? regex.firstMatch(in: text)) == nil {
                errors.append("\(path): '\(text)' does not match \(pattern)")
            }
        }
        if case .object(let members) = value { checkObject(members, rules, path, &errors) }
        if case .array(let items) = value { checkArray(items, rules, path, &errors) }
        for (keyword, exactlyOne) in [("anyOf", false), ("oneOf", true)] {
            guard case .array(let options)? = rules[keyword] else { continue }
            let matching = options.filter { option in
                var probe: [String] = []
                check(value, against: option, at: path, into: &probe)
                return probe.isEmpty
            }.count
            if exactlyOne ? matching != 1 : matching == 0 { errors.append("\(path): \(matching) matches for \(keyword)") }
        }
    }

    private func checkObject(_ members: [String: TestJSON], _ rules: [String: TestJSON], _ path: String, _ errors: inout [String]) {
        if case .array(let required)? = rules["required"] {
            for case .string(let key) in required where members[key] == nil {
                errors.append("\(path): missing required property \(key)")
            }
        }
        let properties: [String: TestJSON] = if case .object(let map)? = rules["properties"] { map } else { [:] }
        for (key, member) in members {
            if let property = properties[key] {
                check(member, against: property, at: "\(path).\(key)", into: &errors)
            } else if let additional = rules["additionalProperties"] {
                if case .bool(false) = additional { errors.append("\(path): property \(key) is not allowed") }
                check(member, against: additional, at: "\(path).\(key)", into: &errors)
            }
        }
    }

    private func checkArray(_ items: [TestJSON], _ rules: [String: TestJSON], _ path: String, _ errors: inout [String]) {
        if case .number(let minimum)? = rules["minItems"], Double(items.count) < minimum {
            errors.append("\(path): \(items.count) items, at least \(minimum) required")
        }
        if case .bool(true)? = rules["uniqueItems"], Set(items).count != items.count {
            errors.append("\(path): items are not unique")
        }
        if let schema = rules["items"] {
            for (index, item) in items.enumerated() { check(item, against: schema, at: "\(path)[\(index)]", into: &errors) }
        }
    }
}
