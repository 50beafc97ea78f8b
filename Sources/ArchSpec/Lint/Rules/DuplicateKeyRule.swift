/// AC002: one mapping holds the same key twice.
struct DuplicateKeyRule: LintRule {
    static let description = RuleDescription(
        code: "AC002", name: "duplicate-key", severity: .error, category: .document,
        summary: "a key is written twice in one mapping",
        rationale: """
            Most YAML loaders keep the last value silently (PyYAML, Yams before it throws), so a spec that \
            looks right computes something else; archcalc keeps the first value and reports the second. \
            Delete one of the two keys. The note points at the first occurrence.
            """,
        source: "yamllint `key-duplicates`; Spectral `duplicateKeys` (default error); kubeconform `-strict`",
        triggering: [
            Examples.spec(extra: "↓layers: 40"),
            Examples.spec(attention: "{heads: 32, ↓heads: 40}"),
        ],
        nonTriggering: [RuleExample(Examples.base)])

    func claims(_ loaderDiagnostic: Diagnostic) -> Bool { claim(loaderDiagnostic, .duplicateKey) }
}
