/// One lint rule: a stateless check over a loaded spec.
///
/// Rules read `LintContext.values` (typed raw values by key path), so they run even when loading found errors.
/// Rules of the document layer instead claim the loader's own diagnostics (`claims(_:)`).
public protocol LintRule: Sendable {
    static var description: RuleDescription { get }

    /// Findings for one file, at the rule's default severity.
    func check(_ context: LintContext) -> [Diagnostic]

    /// Whether a diagnostic produced by `SpecLoader` belongs to this rule.
    func claims(_ loaderDiagnostic: Diagnostic) -> Bool
}

extension LintRule {
    public var description: RuleDescription { Self.description }
    public func check(_ context: LintContext) -> [Diagnostic] { [] }
    public func claims(_ loaderDiagnostic: Diagnostic) -> Bool { false }
}
