/// How serious a finding is.
public enum Severity: String, Hashable, Codable, Sendable, CaseIterable, Comparable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One located finding: a load problem or a lint result. Every output format renders this value.
public struct Diagnostic: Hashable, Codable, Sendable {
    /// A related place, such as the first occurrence of a duplicated key.
    public struct Note: Hashable, Codable, Sendable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    /// Stable identifier: a loading problem or check, a lint rule's code, or a later stage's failure.
    public var code: DiagnosticCode
    /// Lowercase, no trailing period, names the values and the expectation.
    public var message: String
    /// The file as the user named it (`-` for standard input).
    public var file: String
    /// 1-based position, when the problem has one.
    public var location: SourceLocation?
    /// Dotted key path such as `attention.kv_heads`.
    public var keyPath: String?
    public var notes: [Note]

    public init(
        severity: Severity, code: DiagnosticCode, message: String, file: String, location: SourceLocation?,
        keyPath: String? = nil, notes: [Note] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.file = file
        self.location = location
        self.keyPath = keyPath
        self.notes = notes
    }

    /// `file:line:col: severity: message`, the one-line form every text output starts with.
    ///
    /// The file and the message go through the terminal sink (`Escaping`): a line break, control or bidi
    /// character in a path or a quoted value is shown escaped, and a path cannot start a workflow command.
    public var oneLine: String {
        let name = Escaping.lineStart(file, limit: 1000)
        let position = location.map { "\(name):\($0.line):\($0.column)" } ?? name
        return "\(position): \(severity.rawValue): \(Escaping.terminal(message, limit: 2000))"
    }
}

/// The kinds of problem found while loading a spec (`DiagnosticCode.load`); the raw values are what outputs print.
public enum LoadProblem: String, Hashable, Codable, Sendable, CaseIterable {
    case fileError = "file-error"
    case yamlSyntax = "yaml-syntax"
    case aliasBomb = "alias-bomb"
    case duplicateKey = "duplicate-key"
    case notASpec = "not-a-spec"
    case unknownKey = "unknown-key"
    case wrongType = "wrong-type"
    case outOfRange = "out-of-range"
    case missingField = "missing-field"
    case invalidValue = "invalid-value"
    case inconsistent = "inconsistent"
    case unsupported = "unsupported"
}
