/// Builds archspec values from a `config.json`: each value remembers the config key it came from (for located
/// messages and the comments `archcalc convert` writes) or the transformers default it stands for.
struct HFMapping {
    var config: HFConfigReader
    /// A multimodal wrapper's top level, when the text model is read from its `text_config`.
    var outer: HFConfigReader?
    let family: HFFamily
    var values: [String: FieldValue] = [:]
    var sourceMap = SourceMap()
    /// Archspec path to a comment: where the value came from.
    var notes: [String: String] = [:]

    /// Diagnostics of the wrapper's top level, then of the (text) config.
    var allDiagnostics: [Diagnostic] { (outer?.diagnostics ?? []) + config.diagnostics }

    init(config: HFConfigReader, family: HFFamily) {
        self.config = config
        self.family = family
    }

    /// Sets `path` with a provenance note, pointing located messages at `key` when it was written.
    mutating func set(_ path: String, _ value: FieldValue, note: String, key: String? = nil) {
        values[path] = value
        notes[path] = note
        if let key, let location = config.location(key) {
            sourceMap.keys[path] = location
            sourceMap.values[path] = config.mapping.entries.first { $0.name == key }?.value.location
        }
    }

    /// Copies an integer key, or falls back to transformers' default; `nil` (and an error) when neither exists.
    @discardableResult
    mutating func int(_ path: String, _key key: String, default fallback: Int?, minimum: Int = 1) -> Int? {
        if let value = config.int(key) {
            guard value >= minimum else {
                config.error(.outOfRange, "\(key) must be at least \(minimum), got \(value)", at: config.location(key), key: key)
                return nil
            }
            set(path, .integer(value), note: "\(key)", key: key)
            return value
        }
        guard let fallback else {
            config.error(.missingField, "config.json has no \(key), which archcalc needs for \(family.modelType)",
                         at: config.mapping.location, key: key)
            return nil
        }
        set(path, .integer(fallback), note: "\(key) absent: \(family.configClass) default")
        return fallback
    }

    /// Copies a boolean key, or falls back to transformers' default.
    @discardableResult
    mutating func bool(_ path: String, _key key: String, default fallback: Bool) -> Bool {
        if let value = config.bool(key) {
            set(path, .boolean(value), note: "\(key)", key: key)
            return value
        }
        set(path, .boolean(fallback), note: "\(key) absent: \(family.configClass) default")
        return fallback
    }

    /// Sets a value that follows from the model type (how transformers builds the module), not from a key.
    mutating func fixed(_ path: String, _ value: FieldValue, _ reason: String) {
        set(path, value, note: reason)
    }

    /// An error for a key whose value archcalc cannot represent.
    mutating func unsupported(_ key: String, _ message: String) {
        config.error(.unsupported, message, at: config.location(key), key: key)
    }

    mutating func warn(_ key: String, _ message: String) {
        config.warning(.unsupported, message, at: config.location(key), key: key)
    }
}
