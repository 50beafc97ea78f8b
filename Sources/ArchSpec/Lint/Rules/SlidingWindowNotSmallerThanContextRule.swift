/// AC505: a sliding window no smaller than the context.
struct SlidingWindowNotSmallerThanContextRule: LintRule {
    static let description = RuleDescription(
        code: "AC505", name: "sliding-window-not-smaller-than-context", severity: .warning, category: .positions,
        summary: "attention.sliding_window is at least context_length, so the window never applies",
        rationale: """
            A window as long as the context is plain causal attention, so the KV-cache saving the window \
            promises does not exist; often a unit slip (tokens vs thousands) or a value copied from \
            max_position_embeddings. Set the real window, or remove it.
            """,
        source: "vLLM `get_hf_config_sliding_window` / `get_sliding_window`; Mistral-7B-v0.1 (window 4096, context 32768)",
        requiresKeys: ["attention.sliding_window"],
        triggering: [Examples.spec(attention: "{heads: 32, kv_heads: 8, sliding_window: ↓4096}")],
        nonTriggering: [Examples.spec(context: "32768", attention: "{heads: 32, kv_heads: 8, sliding_window: 4096}")])

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let window = context.int("attention.sliding_window"), let length = context.int("context_length"), window >= length
        else { return [] }
        // With a plan, only a window some layer uses (an unused one is AC507's, a model without attention AC109's).
        if let spans = context.attentionValues(\.span),
           !spans.contains(where: { if case .sliding = $0 { true } else { false } }) {
            return []
        }
        return [context.finding(Self.description,
            "attention.sliding_window \(window) is not smaller than context_length \(length), so the window never applies",
            at: "attention.sliding_window", related: [("context_length", "context_length")])]
    }
}
