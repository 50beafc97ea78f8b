extension ConfigReader {
    /// Typed reads of configuration values; each failure is a located `LintConfigError`.
    struct Reader {
        let file: String

        func error(_ message: String, at location: SourceLocation?) -> LintConfigError {
            LintConfigError(file: file, location: location, message: message)
        }

        /// The entries of a mapping; with `keys`, unknown keys are errors with the nearest valid key.
        func mapping(_ node: YAMLNode, _ what: String, keys: [String]?) throws(LintConfigError) -> [(YAMLScalar, YAMLNode)] {
            guard case .mapping(let mapping) = node else { throw error("\(what) must be a mapping", at: node.location) }
            var result: [(YAMLScalar, YAMLNode)] = []
            for entry in mapping.entries {
                guard let key = entry.key.scalar else { throw error("keys in \(what) must be strings", at: entry.key.location) }
                if let keys, !keys.contains(key.value) {
                    let hint = EditDistance.nearest(to: key.value, among: keys).map { "; did you mean \($0)?" }
                        ?? "; expected one of \(keys.joined(separator: ", "))"
                    throw error("unknown key '\(Escaping.short(key.value))' in \(what)\(hint)", at: key.location)
                }
                result.append((key, entry.value))
            }
            return result
        }

        func string(_ node: YAMLNode, _ what: String) throws(LintConfigError) -> String {
            guard let scalar = node.scalar else { throw error("\(what) must be a string", at: node.location) }
            return scalar.value
        }

        /// A string or a list of strings.
        func strings(_ node: YAMLNode, _ what: String) throws(LintConfigError) -> [String] {
            if case .sequence(let sequence) = node {
                var result: [String] = []
                for item in sequence.items { result.append(try string(item, what)) }
                return result
            }
            return [try string(node, what)]
        }

        /// A path pattern within `Glob`'s limits, `counted` patterns having been read before it.
        func glob(_ node: YAMLNode, _ what: String, counted: Int) throws(LintConfigError) -> Glob {
            let text = try string(node, what)
            guard counted < Glob.maxPatterns else {
                throw error("too many patterns in exclude and per-file-ignores (the limit is \(Glob.maxPatterns))", at: node.location)
            }
            if let problem = Glob.problem(with: text) { throw error("\(what): \(problem)", at: node.location) }
            return Glob(text)
        }

        func integer(_ node: YAMLNode, _ what: String, minimum: Int = 0) throws(LintConfigError) -> Int {
            guard let scalar = node.scalar, !scalar.isQuoted, let value = Int(scalar.value), value >= minimum else {
                throw error("\(what) must be an integer of at least \(minimum)", at: node.location)
            }
            return value
        }

        /// An integer or a list of integers, each at least 1.
        func integers(_ node: YAMLNode, _ what: String) throws(LintConfigError) -> [Int] {
            if case .sequence(let sequence) = node {
                var result: [Int] = []
                for item in sequence.items { result.append(try integer(item, what, minimum: 1)) }
                return result
            }
            return [try integer(node, what, minimum: 1)]
        }

        /// Rule selectors (codes, names, prefixes) resolved to codes; unknown selectors are errors.
        func codes(_ node: YAMLNode, _ what: String) throws(LintConfigError) -> Set<String> {
            var result: Set<String> = []
            let items: [YAMLNode] = if case .sequence(let sequence) = node { sequence.items } else { [node] }
            for item in items {
                result.formUnion(try resolve(try string(item, what), at: item.location, what))
            }
            return result
        }

        func resolve(_ selector: String, at location: SourceLocation, _ what: String) throws(LintConfigError) -> [String] {
            let codes = RuleCatalog.codes(matching: selector)
            guard codes.isEmpty else { return codes }
            let hint = RuleCatalog.suggestion(for: selector).map { "; did you mean \($0)?" } ?? ""
            throw error("unknown rule '\(Escaping.short(selector))' in \(what)\(hint)", at: location)
        }
    }
}
