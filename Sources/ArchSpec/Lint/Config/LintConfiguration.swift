/// What a `.archcalc.yaml` file says about linting; every field has a default.
///
/// ```yaml
/// version: 1
/// lint:
///   select: [ALL]              # codes, names or prefixes; default: every rule enabled by default
///   ignore: [AC106]
///   severity: {AC201: error, fp16-deep-model: off}
///   per-file-ignores: {"legacy/**": [AC2]}
///   exclude: ["vendor/**"]
///   alignment: {vocab: 128, hidden: 64, intermediate: 256}
///   parallelism: {tensor: [1, 2, 4, 8], pipeline: 4, expert: 8}
///   fail-on: warning
/// ```
public struct LintConfiguration: Hashable, Sendable {
    /// The file this came from (`nil` for built-in defaults).
    public var file: String?
    /// Absolute directory that relative patterns start from.
    public var directory: String
    /// Codes selected (`nil`: the default set).
    public var select: Set<String>?
    public var ignore: Set<String> = []
    /// Severity overrides; codes mapped to `nil` are switched off.
    public var severities: [String: Severity?] = [:]
    public var perFileIgnores: [(glob: Glob, codes: Set<String>)] = []
    public var exclude: [Glob] = []
    public var alignment = Alignment()
    public var parallelism = ParallelismTargets()
    public var failOn: FailThreshold?

    public init(file: String? = nil, directory: String) {
        self.file = file
        self.directory = directory
    }

    public static func == (a: LintConfiguration, b: LintConfiguration) -> Bool { a.file == b.file && a.directory == b.directory }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(directory)
    }

    /// Patterns read so far (`exclude` and `per-file-ignores`), against `Glob.maxPatterns`.
    var patternCount: Int { exclude.count + perFileIgnores.count }

    /// The path of `absolutePath` relative to this configuration's directory, or `nil` when outside it.
    public func relativePath(_ absolutePath: String) -> String? {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return absolutePath.hasPrefix(base) ? String(absolutePath.dropFirst(base.count)) : nil
    }

    /// Whether a file found by a directory scan is excluded.
    public func excludes(_ absolutePath: String) -> Bool {
        guard let relative = relativePath(absolutePath) else { return false }
        return exclude.contains { $0.matches(relative) }
    }

    /// Effective settings for one file, command-line overrides applied last.
    public func settings(for absolutePath: String, overrides: LintOverrides) -> LintSettings {
        let all = RuleCatalog.descriptions
        var enabled = overrides.select ?? select ?? Set(all.filter(\.enabledByDefault).map(\.code))
        enabled.subtract(ignore)
        enabled.subtract(overrides.ignore)
        var levels: [String: Severity] = [:]
        for (code, level) in severities {
            if let level { levels[code] = level } else { enabled.remove(code) }
        }
        if let relative = relativePath(absolutePath) {
            for rule in perFileIgnores where rule.glob.matches(relative) { enabled.subtract(rule.codes) }
        }
        for rule in all where !rule.suppressible { enabled.insert(rule.code) }
        var targets = parallelism
        for kind in ParallelismKind.allCases {
            if let degrees = overrides.parallelism[kind] {
                targets.set(kind, degrees.map { ParallelDegree(value: $0, origin: kind.flag) })
            }
        }
        return LintSettings(
            enabled: enabled, severities: levels, alignment: alignment, parallelism: targets,
            servingContext: overrides.servingContext)
    }
}

/// Settings given on the command line; they override the config file.
public struct LintOverrides: Hashable, Sendable {
    public var select: Set<String>?
    public var ignore: Set<String> = []
    public var parallelism: [ParallelismKind: [Int]] = [:]
    public var servingContext: Int?

    public init(select: Set<String>? = nil, ignore: Set<String> = [], parallelism: [ParallelismKind: [Int]] = [:],
                servingContext: Int? = nil) {
        self.select = select
        self.ignore = ignore
        self.parallelism = parallelism
        self.servingContext = servingContext
    }
}

/// The lowest severity that fails the run (exit code 1).
public enum FailThreshold: String, Hashable, Codable, Sendable, CaseIterable {
    case error, warning, info, never

    public func fails(_ severity: Severity) -> Bool {
        switch self {
        case .never: false
        case .error: severity >= .error
        case .warning: severity >= .warning
        case .info: true
        }
    }
}
