/// AC301: query heads do not split evenly across tensor-parallel ranks.
struct HeadsNotDivisibleByTPRule: LintRule {
    static let description = RuleDescription(
        code: "AC301", name: "heads-not-divisible-by-tp", severity: .error, category: .parallelism,
        summary: "attention.heads is not divisible by the tensor-parallel degree",
        rationale: """
            Tensor parallelism gives each rank heads / tp query heads; engines refuse to start otherwise. \
            Checked when the spec's `parallelism.tensor`, `--tp` or the config's `parallelism.tensor` names a \
            degree. Pick a degree that divides heads.
            """,
        source: "vLLM \"Total number of attention heads (...) must be divisible by tensor parallel size (...)\"; Megatron TransformerConfig",
        triggering: [Examples.spec(hidden: "5120", attention: "{heads: ↓40, kv_heads: 8}", extra: "parallelism: {tensor: 16}")],
        nonTriggering: [RuleExample(Examples.base), Examples.spec(extra: "parallelism: {tensor: 8}")])

    func check(_ context: LintContext) -> [Diagnostic] {
        context.divisibility(Self.description, path: "attention.heads", by: .tensor)
    }
}
