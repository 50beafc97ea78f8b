/// A finding as the renderers need it: the diagnostic, the rule's name, where the flagged token ends, and
/// the source line for a snippet.
public struct LintFinding: Hashable, Sendable {
    public var diagnostic: Diagnostic
    /// The rule that reported it: code, name, summary, rationale (SARIF's `rules`, the text's `[code]`).
    public var rule: RuleDescription
    /// The rule's kebab-case name.
    public var ruleName: String { rule.name }
    /// Position just past the flagged token (exclusive), on the same line.
    public var end: SourceLocation?
    /// The source line the finding points at, without its line break.
    public var sourceLine: String?

    public init(diagnostic: Diagnostic, rule: RuleDescription, end: SourceLocation? = nil, sourceLine: String? = nil) {
        self.diagnostic = diagnostic
        self.rule = rule
        self.end = end
        self.sourceLine = sourceLine
    }
}

/// What linting one file produced.
public struct FileReport: Hashable, Sendable {
    public enum Status: String, Hashable, Codable, Sendable {
        /// Linted (findings may be empty).
        case linted
        /// Found in a directory scan but not a spec (no `archspec:` key).
        case skipped
    }

    public var path: String
    public var status: Status
    public var findings: [LintFinding]

    public init(path: String, status: Status, findings: [LintFinding] = []) {
        self.path = path
        self.status = status
        self.findings = findings
    }
}
