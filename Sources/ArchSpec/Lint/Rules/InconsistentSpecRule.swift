/// AC012: a consistency problem the loader found that no more specific rule reports.
struct InconsistentSpecRule: LintRule {
    static let description = RuleDescription(
        code: "AC012", name: "inconsistent-spec", severity: .error, category: .document,
        summary: "values contradict each other in a way no more specific rule covers",
        rationale: """
            The loader refuses specs whose values cannot describe one model. The common cases have their own \
            rules (AC101 hidden_size and heads, AC103 heads and kv_heads), which replace this finding at the \
            same key; anything else the loader checks arrives here with its message. Fix the values it names.
            """,
        source: "archcalc's spec resolver",
        triggering: [
            Examples.spec(extra: "norm: {kind: layernorm, weight: false, bias: ↓true}"),
            // A per-layer list must have one entry per layer.
            Examples.spec(layers: "2", mlp: "{intermediate_size: ↓[11008, 11008, 11008]}"),
            // A state-space section that no layer uses.
            Examples.spec(extra: "ssm: ↓{inner_size: 8192, state_size: 16}"),
        ],
        nonTriggering: [RuleExample(Examples.base)])

    func claims(_ loaderDiagnostic: Diagnostic) -> Bool { true }
}
