/// Typed, located access to the keys of a Hugging Face `config.json`, remembering which keys were read.
///
/// JSON `null` reads as absent (transformers treats `None` as "use the default"). A value of the wrong type
/// is a located error, never a silent default.
struct HFConfigReader {
    let mapping: YAMLMapping
    let file: String
    private(set) var consumed: Set<String> = []
    var diagnostics: [Diagnostic] = []

    init(mapping: YAMLMapping, file: String) {
        self.mapping = mapping
        self.file = file
    }

    /// The entry for `key`, or `nil` when absent or `null`; marks the key as read.
    mutating func entry(_ key: String) -> YAMLMapping.Entry? {
        consumed.insert(key)
        guard let entry = mapping.entries.first(where: { $0.name == key }) else { return nil }
        if let scalar = entry.value.scalar, !scalar.isQuoted, ScalarParsing.isNull(scalar.value) { return nil }
        return entry
    }

    func has(_ key: String) -> Bool {
        guard let entry = mapping.entries.first(where: { $0.name == key }) else { return false }
        if let scalar = entry.value.scalar, !scalar.isQuoted, ScalarParsing.isNull(scalar.value) { return false }
        return true
    }

    mutating func markRead(_ keys: [String]) { consumed.formUnion(keys) }

    func location(_ key: String) -> SourceLocation? { mapping.entries.first { $0.name == key }?.key.location }

    mutating func int(_ key: String) -> Int? {
        guard let entry = entry(key) else { return nil }
        if let scalar = entry.value.scalar {
            if case .value(let value) = ScalarParsing.integer(scalar) { return value }
            // 4096.0 is an integer written as a float; accept whole numbers only.
            if case .value(let number) = ScalarParsing.number(scalar), number.rounded() == number,
               abs(number) < 9.0e15 { return Int(number) }
        }
        error(.wrongType, "\(key) must be an integer, got \(describe(entry.value))", at: entry.value.location)
        return nil
    }

    mutating func number(_ key: String) -> Double? {
        guard let entry = entry(key) else { return nil }
        if let scalar = entry.value.scalar, case .value(let value) = ScalarParsing.number(scalar) { return value }
        error(.wrongType, "\(key) must be a number, got \(describe(entry.value))", at: entry.value.location)
        return nil
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let entry = entry(key) else { return nil }
        if let scalar = entry.value.scalar, case .value(let value) = ScalarParsing.boolean(scalar) { return value }
        error(.wrongType, "\(key) must be true or false, got \(describe(entry.value))", at: entry.value.location)
        return nil
    }

    mutating func string(_ key: String) -> String? {
        guard let entry = entry(key) else { return nil }
        if let scalar = entry.value.scalar { return scalar.value }
        error(.wrongType, "\(key) must be a string, got \(describe(entry.value))", at: entry.value.location)
        return nil
    }

    mutating func ints(_ key: String) -> [Int]? {
        guard let entry = entry(key) else { return nil }
        guard case .sequence(let list) = entry.value else {
            error(.wrongType, "\(key) must be a list of integers, got \(describe(entry.value))", at: entry.value.location)
            return nil
        }
        var result: [Int] = []
        for item in list.items {
            guard let scalar = item.scalar, case .value(let value) = ScalarParsing.integer(scalar) else {
                error(.wrongType, "\(key) must be a list of integers, got \(describe(item))", at: item.location)
                return nil
            }
            result.append(value)
        }
        return result
    }

    mutating func strings(_ key: String) -> [String]? {
        guard let entry = entry(key) else { return nil }
        guard case .sequence(let list) = entry.value else {
            error(.wrongType, "\(key) must be a list of strings, got \(describe(entry.value))", at: entry.value.location)
            return nil
        }
        return list.items.compactMap { $0.scalar?.value }
    }

    func describe(_ node: YAMLNode) -> String {
        node.scalar.map { "'\(Escaping.short($0.value))'" } ?? node.kindDescription
    }

    mutating func error(_ problem: LoadProblem, _ message: String, at location: SourceLocation?, key: String? = nil) {
        diagnostics.append(Diagnostic(severity: .error, code: .load(problem), message: message, file: file,
                                      location: location, keyPath: key))
    }

    mutating func warning(_ problem: LoadProblem, _ message: String, at location: SourceLocation?, key: String? = nil) {
        diagnostics.append(Diagnostic(severity: .warning, code: .load(problem), message: message, file: file,
                                      location: location, keyPath: key))
    }
}
