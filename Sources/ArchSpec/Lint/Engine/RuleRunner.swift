/// Runs the enabled rules over a loaded file and maps the loader's diagnostics to rule codes.
enum RuleRunner {
    static let fallback = InconsistentSpecRule.description.code
    static let claimants: [any LintRule] = RuleCatalog.all.filter { $0.description.code != fallback }

    /// Findings at default severity, loader problems first mapped to their rules, duplicates removed.
    static func findings(_ context: LintContext) -> [Diagnostic] {
        let enabled = context.settings.enabled
        var loaderFindings: [Diagnostic] = []
        for diagnostic in context.result.diagnostics {
            let rule = claimants.first { $0.claims(diagnostic) }?.description ?? InconsistentSpecRule.description
            var mapped = diagnostic
            mapped.code = rule.code
            mapped.severity = rule.severity
            loaderFindings.append(mapped)
        }
        var ruleFindings: [Diagnostic] = []
        for rule in RuleCatalog.all where enabled.contains(rule.description.code) {
            ruleFindings += rule.check(context)
        }
        // A specific rule replaces the loader's generic consistency error at the same key; an ambiguous-scalar
        // warning adds nothing where the loader already refused the value.
        let ruleKeys = Set(ruleFindings.filter { $0.severity == .error }.compactMap(\.keyPath))
        let loaderLocations = Set(loaderFindings.compactMap(\.location))
        loaderFindings.removeAll { $0.code == fallback && $0.keyPath.map(ruleKeys.contains) == true }
        ruleFindings.removeAll { $0.code == AmbiguousScalarRule.description.code && $0.location.map(loaderLocations.contains) == true }
        return (loaderFindings + ruleFindings).filter { enabled.contains($0.code) }
    }
}
