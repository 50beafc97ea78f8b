/// Reads a `.archcalc.yaml` file into a `LintConfiguration`, with located errors and "did you mean" hints.
public enum ConfigReader {
    static let topKeys = ["version", "lint"]
    static let lintKeys = ["select", "ignore", "severity", "per-file-ignores", "exclude", "alignment", "parallelism", "fail-on"]

    /// Parses a configuration file's bytes.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - file: Its path, for messages.
    ///   - directory: The absolute directory relative patterns start from.
    /// - Throws: `LintConfigError` for malformed YAML, unknown keys and invalid values.
    public static func read(_ bytes: [UInt8], file: String, directory: String) throws(LintConfigError) -> LintConfiguration {
        var reader = Reader(file: file)
        let document: YAMLDocument
        do {
            document = try YAMLComposer.compose(bytes)
        } catch {
            throw reader.error(error.message, at: error.location)
        }
        if let duplicate = document.duplicateKeys.first {
            throw reader.error("duplicate key '\(Escaping.short(duplicate.key))'", at: duplicate.duplicate)
        }
        var config = LintConfiguration(file: file, directory: directory)
        guard let root = document.root else { return config }
        let top = try reader.mapping(root, "the configuration", keys: topKeys)
        for (key, value) in top {
            switch key.value {
            case "version":
                let version = try reader.integer(value, "version")
                guard version == 1 else { throw reader.error("version must be 1, got \(version)", at: value.location) }
            default:
                try readLint(value, into: &config, reader: reader)
            }
        }
        return config
    }

    private static func readLint(_ node: YAMLNode, into config: inout LintConfiguration, reader: Reader) throws(LintConfigError) {
        for (key, value) in try reader.mapping(node, "lint", keys: lintKeys) {
            switch key.value {
            case "select": config.select = try reader.codes(value, "lint.select")
            case "ignore": config.ignore = try reader.codes(value, "lint.ignore")
            case "exclude":
                let items: [YAMLNode] = if case .sequence(let sequence) = value { sequence.items } else { [value] }
                config.exclude = []
                for item in items {
                    config.exclude.append(try reader.glob(item, "lint.exclude", counted: config.patternCount))
                }
            case "fail-on":
                let text = try reader.string(value, "lint.fail-on")
                guard let threshold = FailThreshold(rawValue: text) else {
                    throw reader.error("lint.fail-on must be one of error, warning, info, never, got '\(Escaping.short(text))'", at: value.location)
                }
                config.failOn = threshold
            case "severity":
                for (selector, level) in try reader.mapping(value, "lint.severity", keys: nil) {
                    let codes = try reader.resolve(selector.value, at: selector.location, "lint.severity")
                    let text = try reader.string(level, "lint.severity.\(selector.value)")
                    let severity: Severity?? = text == "off" ? .some(nil) : Severity(rawValue: text).map { .some($0) }
                    guard let severity else {
                        throw reader.error("severity must be error, warning, info or off, got '\(Escaping.short(text))'", at: level.location)
                    }
                    for code in codes { config.severities[code] = severity }
                }
            case "per-file-ignores":
                for (pattern, selectors) in try reader.mapping(value, "lint.per-file-ignores", keys: nil) {
                    let glob = try reader.glob(.scalar(pattern), "lint.per-file-ignores", counted: config.patternCount)
                    config.perFileIgnores.append((glob, try reader.codes(selectors, "lint.per-file-ignores")))
                }
            case "alignment":
                for (name, size) in try reader.mapping(value, "lint.alignment", keys: ["vocab", "hidden", "intermediate"]) {
                    let multiple = try reader.integer(size, "lint.alignment.\(name.value)", minimum: 1)
                    switch name.value {
                    case "vocab": config.alignment.vocab = multiple
                    case "hidden": config.alignment.hidden = multiple
                    default: config.alignment.intermediate = multiple
                    }
                }
            default:
                let kinds = ParallelismKind.allCases.map(\.rawValue)
                for (name, degrees) in try reader.mapping(value, "lint.parallelism", keys: kinds) {
                    guard let kind = ParallelismKind(rawValue: name.value) else { continue }
                    let values = try reader.integers(degrees, "lint.parallelism.\(name.value)")
                    let origin = "lint.parallelism.\(name.value) in \(PathText.baseName(reader.file))"
                    config.parallelism.set(kind, values.map { ParallelDegree(value: $0, origin: origin) })
                }
            }
        }
    }
}
