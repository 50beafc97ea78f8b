/// AC102: an explicit head_dim with heads * head_dim different from hidden_size.
struct ExplicitHeadDimMismatchRule: LintRule {
    static let description = RuleDescription(
        code: "AC102", name: "explicit-head-dim-mismatch", severity: .info, category: .attention,
        summary: "attention.heads x attention.head_dim differs from hidden_size (legitimate, e.g. Gemma)",
        rationale: """
            Some models decouple the attention width from the residual width: Gemma-7B has 16 heads of 256 \
            (4096) on a hidden_size of 3072. archcalc then sizes Q and O from heads x head_dim. The finding \
            makes the choice visible to reviewers; it is information, not a defect. Suppress it with a reason \
            when intended.
            """,
        source: "transformers `GemmaConfig` (hidden_size 3072, num_attention_heads 16, head_dim 256)",
        triggering: [Examples.spec(hidden: "3072", attention: "{heads: 16, head_dim: ↓256}", mlp: "{intermediate_size: 24576}")],
        nonTriggering: [RuleExample(Examples.base), Examples.spec(attention: "{heads: 32, head_dim: 128}")])

    func check(_ context: LintContext) -> [Diagnostic] {
        guard !context.isMLA, context.runsAttention, let headDim = context.int("attention.head_dim"), let heads = context.heads,
              let hidden = context.int("hidden_size")
        else { return [] }
        let (width, overflow) = heads.multipliedReportingOverflow(by: headDim)
        guard overflow || width != hidden else { return [] }
        let widthText = overflow ? "more than \(Int.max)" : "\(width)"
        let message = "attention.heads \(heads) x attention.head_dim \(headDim) = \(widthText) differs from "
            + "hidden_size \(hidden); q and o projections are sized from heads x head_dim"
        return [context.finding(Self.description, message, at: "attention.head_dim", related: [("hidden_size", "hidden_size")])]
    }
}
