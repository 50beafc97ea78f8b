/// AC011: a construct this archcalc does not read: another format version or a custom YAML tag.
struct UnsupportedFeatureRule: LintRule {
    static let description = RuleDescription(
        code: "AC011", name: "unsupported-feature", severity: .error, category: .document,
        summary: "the spec uses an archspec version or a YAML tag this archcalc does not support",
        rationale: """
            A newer `archspec:` version may change what keys mean, and custom tags (`!include`, `!!python/...`) \
            would need code to resolve; both are refused rather than guessed. Write `archspec: 1` and plain \
            values.
            """,
        source: "versioned config formats (swift-format `version`); YAML safe loading (no custom tags)",
        triggering: [
            Examples.spec().text.replacingFirstLine(with: "archspec: ↓2"),
            Examples.spec(layers: "↓!include layers.yaml"),
        ],
        nonTriggering: [RuleExample(Examples.base)])

    func claims(_ loaderDiagnostic: Diagnostic) -> Bool { claim(loaderDiagnostic, .unsupported) }
}

extension String {
    /// The text with its first line replaced, as a rule example.
    func replacingFirstLine(with line: String) -> RuleExample {
        let rest = split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        return RuleExample(line + (rest.count > 1 ? "\n" + rest[1] : ""))
    }
}
