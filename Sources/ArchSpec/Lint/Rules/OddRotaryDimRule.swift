/// AC107: an odd rotary dimension.
struct OddRotaryDimRule: LintRule {
    static let description = RuleDescription(
        code: "AC107", name: "odd-rotary-dim", severity: .error, category: .attention,
        summary: "rotary embeddings apply to an odd number of dimensions",
        rationale: """
            RoPE rotates dimension pairs (x[2i], x[2i+1]) by position-dependent angles, so the rotated width \
            must be even; implementations split the head in halves and fail or silently skip a dimension when \
            it is odd. The rotary width is the head dimension (or qk_rope_head_dim for MLA). Use an even head \
            dimension, or another position kind.
            """,
        source: "RoFormer (Su et al., arXiv 2104.09864) rotation of dimension pairs; transformers `rotate_half`",
        triggering: [Examples.spec(attention: "{heads: 32, head_dim: ↓127}")],
        nonTriggering: [
            RuleExample(Examples.base),
            Examples.spec(attention: "{heads: 32, head_dim: 127}", extra: "position: {kind: alibi}"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        guard context.usesRoPE, context.runsAttention else { return [] }
        if context.isMLA {
            guard let rope = context.int("attention.qk_rope_head_dim"), rope % 2 != 0 else { return [] }
            return [context.finding(Self.description, "attention.qk_rope_head_dim \(rope) is odd; rotary embeddings rotate pairs of dimensions", at: "attention.qk_rope_head_dim")]
        }
        guard let dim = context.headDim, dim % 2 != 0 else { return [] }
        return [context.finding(Self.description,
            "the rotary dimension (head dim \(dim)) is odd; rotary embeddings rotate pairs of dimensions",
            at: context.headDimPath)]
    }
}
