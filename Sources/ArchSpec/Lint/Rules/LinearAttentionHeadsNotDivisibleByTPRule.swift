/// AC309: linear-attention heads that do not split evenly across tensor-parallel ranks.
struct LinearAttentionHeadsNotDivisibleByTPRule: LintRule {
    static let description = RuleDescription(
        code: "AC309", name: "linear-attention-heads-not-divisible-by-tp", severity: .error, category: .parallelism,
        summary: "linear_attention.key_heads or value_heads is not divisible by the tensor-parallel degree",
        rationale: """
            Tensor parallelism splits a linear-attention mixer (gated DeltaNet, lightning attention) by heads: \
            each rank holds key_heads / tp query/key heads and value_heads / tp value heads with their \
            recurrent state. Engines divide both and refuse a remainder. Checked when some layer runs linear \
            attention and a tensor-parallel degree is declared. Pick a degree that divides both.
            """,
        source: "vLLM Qwen3NextGatedDeltaNet (`divide(num_v_heads, tp_size)`, `num_k_heads // tp_size`); vLLM MiniMaxText01LinearAttention",
        requiresKeys: ["linear_attention.value_heads"],
        triggering: [
            Examples.spec(extra: """
                layer_pattern: [linear_attention, attention]
                linear_attention: {kind: gated_deltanet, key_heads: ↓16, value_heads: ↓48, key_head_dim: 128}
                parallelism: {tensor: 32}
                """),
        ],
        nonTriggering: [
            Examples.spec(extra: """
                layer_pattern: [linear_attention, attention]
                linear_attention: {kind: gated_deltanet, key_heads: 16, value_heads: 32, key_head_dim: 128}
                parallelism: {tensor: 8}
                """),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        guard context.spec?.linearAttention != nil, context.mixerKinds.contains(.linearAttention) else { return [] }
        return context.divisibility(Self.description, path: "linear_attention.key_heads", by: .tensor)
            + context.divisibility(Self.description, path: "linear_attention.value_heads", by: .tensor)
    }
}
