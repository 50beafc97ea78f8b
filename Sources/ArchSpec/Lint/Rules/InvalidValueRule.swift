/// AC007: a value of the wrong type, out of range, or not one of the allowed words.
struct InvalidValueRule: LintRule {
    static let description = RuleDescription(
        code: "AC007", name: "invalid-value", severity: .error, category: .document,
        summary: "a value has the wrong type or is out of range (heads: 32.5, layers: 0, \"4096\")",
        rationale: """
            A calculator must not coerce silently: `heads: 32.5`, a quoted `"4096"`, `true` for a count, or a \
            count below its minimum are refused with the expected type or range. YAML 1.1 booleans (`yes`) are \
            not booleans here. Write the value with the type the schema gives (`archcalc rules AC007`, \
            `docs/archspec.md`).
            """,
        source: "kubeconform \"Invalid type. Expected: [integer,null], given: string\"; Megatron argument checks",
        triggering: [
            Examples.spec(attention: "{heads: ↓32.5, kv_heads: 8}"),
            Examples.spec(layers: "↓0"),
            Examples.spec(hidden: "↓\"4096\""),
            Examples.spec(extra: "tie_embeddings: ↓yes"),
        ],
        nonTriggering: [RuleExample(Examples.base), Examples.spec(extra: "tie_embeddings: true")])

    func claims(_ loaderDiagnostic: Diagnostic) -> Bool {
        guard loaderDiagnostic.keyPath != "dtype", loaderDiagnostic.keyPath != "position.rope_scaling.type" else {
            return claim(loaderDiagnostic, .wrongType, .outOfRange)
        }
        return claim(loaderDiagnostic, .wrongType, .outOfRange, .invalidValue)
    }
}
