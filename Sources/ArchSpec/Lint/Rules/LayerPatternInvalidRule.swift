/// AC507: a layer pattern and a sliding window that do not go together.
struct LayerPatternInvalidRule: LintRule {
    static let description = RuleDescription(
        code: "AC507", name: "layer-pattern-without-window", severity: .error, category: .positions,
        summary: "attention.layer_pattern names sliding layers but no sliding_window is given, or the reverse",
        rationale: """
            Interleaved local/global attention (Gemma 2 and 3: [sliding, full] patterns) needs the window size \
            to size the local layers' KV cache; a window without any sliding layer in the pattern is never \
            used. Give both, or neither.
            """,
        source: "transformers Gemma2/Gemma3 configs (`sliding_window`, `layer_types`)",
        requiresKeys: ["attention.layer_pattern", "attention.sliding_window"],
        triggering: [
            Examples.spec(attention: "{heads: 32, kv_heads: 8, layer_pattern: ↓[sliding, full]}"),
            Examples.spec(context: "32768", attention: "{heads: 32, kv_heads: 8, sliding_window: ↓4096, layer_pattern: [full]}"),
        ],
        nonTriggering: [Examples.spec(context: "32768", attention: "{heads: 32, kv_heads: 8, sliding_window: 4096, layer_pattern: [sliding, full]}")])

    func claims(_ loaderDiagnostic: Diagnostic) -> Bool {
        claim(loaderDiagnostic, .inconsistent) && loaderDiagnostic.message.hasSuffix("needs attention.sliding_window")
    }

    func check(_ context: LintContext) -> [Diagnostic] {
        guard context.written("attention.layer_pattern"), let pattern = context.stringList("attention.layer_pattern") else {
            return []
        }
        let sliding = pattern.contains("sliding")
        if sliding, !context.written("attention.sliding_window") {
            return [context.finding(Self.description,
                "attention.layer_pattern has sliding layers but attention.sliding_window is not given",
                at: "attention.layer_pattern")]
        }
        if !sliding, context.written("attention.sliding_window") {
            return [context.finding(Self.description,
                "attention.sliding_window is never used: attention.layer_pattern has no sliding layer",
                at: "attention.sliding_window")]
        }
        return []
    }
}
