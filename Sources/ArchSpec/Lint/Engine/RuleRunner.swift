/// Runs the enabled rules over a loaded file and maps the loader's diagnostics to rule codes.
enum RuleRunner {
    static let fallback = InconsistentSpecRule.description.diagnosticCode
    /// Rules that may claim loader diagnostics, most specific first: later codes (AC1xx and above) claim
    /// before the generic document rules (AC0xx), and AC012 takes whatever is left.
    static let claimants: [any LintRule] = RuleCatalog.all.filter { $0.description.diagnosticCode != fallback }.reversed()

    /// Findings at default severity, loader problems first mapped to their rules, duplicates removed.
    static func findings(_ context: LintContext) -> [Diagnostic] {
        let enabled = context.settings.enabled
        var loaderFindings: [Diagnostic] = []
        for diagnostic in context.result.diagnostics {
            let rule = claimants.first { $0.claims(diagnostic) }?.description ?? InconsistentSpecRule.description
            var mapped = diagnostic
            mapped.code = rule.diagnosticCode
            // Keep the loader's lower severity (unknown keys of a Hugging Face config.json are warnings).
            mapped.severity = min(diagnostic.severity, rule.severity)
            loaderFindings.append(mapped)
        }
        var ruleFindings: [Diagnostic] = []
        for rule in RuleCatalog.all where enabled.contains(rule.description.code) {
            ruleFindings += rule.check(context)
        }
        // A specific rule replaces the loader's generic consistency error at the same key; an ambiguous-scalar
        // warning adds nothing where the loader already refused the value.
        // A rule's own finding replaces the loader's at the same key (the rule's message is more specific).
        let ruleKeys = Set(ruleFindings.filter { $0.severity == .error }.compactMap(\.keyPath))
        let ownKeys = Set(ruleFindings.compactMap { finding in finding.keyPath.map { "\(finding.code) \($0)" } })
        let loaderLocations = Set(loaderFindings.compactMap(\.location))
        loaderFindings.removeAll { finding in
            guard let path = finding.keyPath else { return false }
            return (finding.code == fallback && ruleKeys.contains(path)) || ownKeys.contains("\(finding.code) \(path)")
        }
        ruleFindings.removeAll { $0.code == AmbiguousScalarRule.description.diagnosticCode && $0.location.map(loaderLocations.contains) == true }
        return (loaderFindings + ruleFindings).filter { enabled.contains($0.code.rawValue) }
    }
}
