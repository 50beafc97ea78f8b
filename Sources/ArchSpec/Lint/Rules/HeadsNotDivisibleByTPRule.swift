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
        triggering: [
            Examples.spec(hidden: "5120", attention: "{heads: ↓40, kv_heads: 8}", extra: "parallelism: {tensor: 16}"),
            Examples.spec(layers: "2", attention: "{heads: ↓[32, 40], head_dim: 128, kv_heads: 8}", extra: "parallelism: {tensor: 16}"),
        ],
        nonTriggering: [
            RuleExample(Examples.base), Examples.spec(extra: "parallelism: {tensor: 8}"),
            // Attention heads only where layers run attention: the Mamba-2 layers' list entries do not count.
            Examples.spec(layers: "4", attention: "{heads: [32, 40, 32, 40], head_dim: 128, kv_heads: 8}",
                          extra: "layer_pattern: [attention, mamba2]\nssm: {inner_size: 8192, state_size: 128, heads: 128, head_dim: 64}\nparallelism: {tensor: 16}"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        guard context.runsAttention else { return [] }
        if context.int("attention.heads") != nil {
            return context.divisibility(Self.description, path: "attention.heads", by: .tensor)
        }
        // A per-layer list: one finding per degree, naming the first head count of an attention layer that fails.
        let counts = context.attentionHeadCounts("attention.heads")
        return context.degrees(.tensor).compactMap { degree in
            guard let heads = counts.first(where: { $0 % degree.value != 0 }) else { return nil }
            return context.finding(Self.description,
                LintMessage.notDivisible("attention.heads", heads, by: degree.phrase(.tensor)) + " in some attention layers",
                at: "attention.heads", related: [("tensor-parallel degree declared here", degree.origin)])
        }
    }
}
