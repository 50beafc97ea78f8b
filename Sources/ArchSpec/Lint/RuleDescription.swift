/// What a lint rule is: its stable code, name, default severity and documentation, with examples that are
/// both its tests and its docs.
public struct RuleDescription: Hashable, Sendable {
    /// Stable opaque code such as `AC103`; never reused.
    public var code: String
    /// Kebab-case name such as `heads-not-divisible-by-kv-heads`.
    public var name: String
    public var severity: Severity
    public var category: RuleCategory
    /// One line: what the rule reports.
    public var summary: String
    /// What the rule checks, why it matters and what to do instead.
    public var rationale: String
    /// Where the constraint comes from (kernel source, framework check, convention).
    public var source: String
    /// Whether inline suppressions and config can silence the rule (syntax errors cannot be silenced).
    public var suppressible: Bool
    /// Whether the rule runs without being selected explicitly.
    public var enabledByDefault: Bool
    /// Schema key paths the examples need; the example test waits until the schema has them.
    public var requiresKeys: [String]
    /// Specs that must trigger the rule; `↓` marks where each finding must point.
    public var triggering: [RuleExample]
    /// Specs that must not trigger the rule.
    public var nonTriggering: [RuleExample]

    /// The code findings of this rule carry.
    public var diagnosticCode: DiagnosticCode { .rule(code) }

    public init(
        code: String, name: String, severity: Severity, category: RuleCategory, summary: String,
        rationale: String, source: String, suppressible: Bool = true, enabledByDefault: Bool = true,
        requiresKeys: [String] = [], triggering: [RuleExample], nonTriggering: [RuleExample]
    ) {
        self.code = code
        self.name = name
        self.severity = severity
        self.category = category
        self.summary = summary
        self.rationale = rationale
        self.source = source
        self.suppressible = suppressible
        self.enabledByDefault = enabledByDefault
        self.requiresKeys = requiresKeys
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// A YAML example for a rule. `↓` (U+2193) marks the position a finding must point at; it is removed before
/// linting.
public struct RuleExample: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The example with its markers.
    public var text: String
    /// Extra command-line style settings, such as a serving context (`nil` for none).
    public var servingContext: Int?

    public init(_ text: String, servingContext: Int? = nil) {
        self.text = text
        self.servingContext = servingContext
    }

    public init(stringLiteral value: String) { self.init(value) }

    public static let marker: Character = "\u{2193}"

    /// The example without its markers.
    public var source: String { String(text.filter { $0 != Self.marker }) }

    /// Positions of the markers in `source` (1-based line, column in Unicode scalars).
    public var markers: [SourceLocation] {
        var result: [SourceLocation] = []
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if Character(scalar) == Self.marker {
                result.append(SourceLocation(line: line, column: column))
            } else if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return result
    }
}

/// The families of rules, by code hundred.
public enum RuleCategory: String, Hashable, Codable, Sendable, CaseIterable {
    case document, attention, efficiency, parallelism, moe, positions, numerics, checkpoint, meta

    public var title: String {
        switch self {
        case .document: "Document and YAML (AC0xx)"
        case .attention: "Attention geometry (AC1xx)"
        case .efficiency: "Hardware alignment and efficiency (AC2xx)"
        case .parallelism: "Parallelism (AC3xx)"
        case .moe: "Mixture of experts (AC4xx)"
        case .positions: "Positions and context (AC5xx)"
        case .numerics: "Dtypes and numerics (AC6xx)"
        case .checkpoint: "Spec against checkpoint (AC7xx)"
        case .meta: "Suppressions (AC9xx)"
        }
    }
}
