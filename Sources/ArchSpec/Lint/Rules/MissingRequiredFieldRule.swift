/// AC008: a required key is absent.
struct MissingRequiredFieldRule: LintRule {
    static let description = RuleDescription(
        code: "AC008", name: "missing-required-field", severity: .error, category: .document,
        summary: "a required key (vocab_size, hidden_size, layers, heads, ...) is missing",
        rationale: """
            Sizes that drive every formula have no sensible default; guessing one hides a broken spec. The \
            finding points at the mapping that lacks the key. Add it (`docs/archspec.md` marks required keys).
            """,
        source: "actionlint `\"runs-on\" section is missing`; JSON Schema `required`",
        triggering: [
            """
            ↓archspec: 1
            vocab_size: 32000
            layers: 32
            context_length: 4096
            attention: {heads: 32}
            mlp: {intermediate_size: 11008}
            """,
        ],
        nonTriggering: [RuleExample(Examples.base)])

    func claims(_ loaderDiagnostic: Diagnostic) -> Bool { claim(loaderDiagnostic, .missingField) }
}
