/// AC104: a head dimension above FlashAttention's largest supported size.
struct HeadDimExceedsFlashAttentionRule: LintRule {
    static let description = RuleDescription(
        code: "AC104", name: "head-dim-exceeds-flash-attention", severity: .warning, category: .attention,
        summary: "the head dimension is above 256, the largest FlashAttention-2/3 supports",
        rationale: """
            FlashAttention-2 (CUDA and ROCm) and FlashAttention-3 compile kernels for head dimensions up to 256 \
            and refuse larger ones, so such a model falls back to a slower, memory-hungry attention path. For \
            MLA the query/key dimension (qk_nope_head_dim + qk_rope_head_dim) is checked. Prefer more heads of \
            at most 256.
            """,
        source: "Dao-AILab/flash-attention README (\"All head dimensions up to 256\"); csrc/flash_attn/flash_api.cpp `TORCH_CHECK(head_size <= 256)`; hopper `get_max_headdim`",
        triggering: [Examples.spec(attention: "{heads: ↓8}"), Examples.spec(attention: "{heads: 32, head_dim: ↓320}")],
        nonTriggering: [RuleExample(Examples.base), Examples.spec(hidden: "3072", attention: "{heads: 16, head_dim: 256}")])

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let (dim, path, label) = HeadDimension.attentionDim(context), dim > 256 else { return [] }
        return [context.finding(Self.description, "\(label) \(dim) is above 256, the largest head dimension FlashAttention supports", at: path)]
    }
}

/// The head dimension attention kernels see: qk_nope + qk_rope for MLA, head_dim otherwise.
enum HeadDimension {
    /// `nil` when no layer runs attention (a pure state-space model still writes attention.heads).
    static func attentionDim(_ context: LintContext) -> (Int, String, String)? {
        guard context.runsAttention else { return nil }
        if context.isMLA {
            guard let nope = context.int("attention.qk_nope_head_dim"), let rope = context.int("attention.qk_rope_head_dim")
            else { return nil }
            let (sum, overflow) = nope.addingReportingOverflow(rope)
            return overflow ? nil : (sum, "attention.qk_nope_head_dim", "the query/key head dimension")
        }
        guard let dim = context.headDim else { return nil }
        return (dim, context.headDimPath, context.has("attention.head_dim") ? "attention.head_dim" : "the head dimension (hidden_size / heads)")
    }
}
