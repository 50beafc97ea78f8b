/// AC507: sliding or chunked layers without their size, or a window or chunk size no layer uses.
struct LayerPatternInvalidRule: LintRule {
    static let description = RuleDescription(
        code: "AC507", name: "layer-pattern-without-window", severity: .error, category: .positions,
        summary: "sliding or chunked layers lack attention.sliding_window or chunk_size, or no layer uses the one given",
        rationale: """
            Interleaved local/global attention (Gemma 2 and 3: [sliding, full] patterns; Llama 4: chunked \
            layers) needs the window or chunk size to size the local layers' KV cache; a window or chunk size \
            that no layer uses (after layer_pattern, layer_types, full_layers and sliding_layers are applied) is \
            never read. Give both, or neither. Models without attention layers are AC109's.
            """,
        source: "transformers Gemma2/Gemma3 configs (`sliding_window`, `layer_types`); Llama 4 `attention_chunk_size`",
        requiresKeys: ["attention.layer_pattern", "attention.sliding_window", "attention.chunk_size"],
        triggering: [
            Examples.spec(attention: "{heads: 32, kv_heads: 8, layer_pattern: ↓[sliding, full]}"),
            Examples.spec(context: "32768", attention: "{heads: 32, kv_heads: 8, sliding_window: ↓4096, layer_pattern: [full]}"),
            Examples.spec(layers: "2", context: "32768",
                          attention: "{heads: 32, kv_heads: 8, sliding_window: ↓4096, layer_types: [full, full]}"),
            Examples.spec(context: "32768", attention: "{heads: 32, kv_heads: 8, layer_pattern: [sliding, full], sliding_window: 4096, chunk_size: ↓8192}"),
        ],
        nonTriggering: [
            Examples.spec(context: "32768", attention: "{heads: 32, kv_heads: 8, sliding_window: 4096, layer_pattern: [sliding, full]}"),
            // sliding_layers overrides a pattern of full layers: the window is used.
            Examples.spec(context: "32768", attention: "{heads: 32, kv_heads: 8, sliding_window: 4096, layer_pattern: [full], sliding_layers: [0, 2]}"),
            Examples.spec(context: "32768", attention: "{heads: 32, kv_heads: 8, chunk_size: 8192, layer_pattern: [chunked, chunked, chunked, full]}"),
        ])

    func claims(_ loaderDiagnostic: Diagnostic) -> Bool {
        loaderDiagnostic.code == .check(.attentionSpans)
    }

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let spans = context.attentionValues(\.span), !spans.isEmpty else { return [] }
        var findings: [Diagnostic] = []
        let related = ["layer_types", "layer_pattern", "sliding_layers", "full_layers"]
            .map { "attention.\($0)" }.filter(context.written).map { ("related key \($0)", $0) }
        if context.written("attention.sliding_window"), !spans.contains(where: { if case .sliding = $0 { true } else { false } }) {
            findings.append(context.finding(Self.description,
                "attention.sliding_window is never used: no attention layer is a sliding layer", at: "attention.sliding_window",
                related: related))
        }
        if context.written("attention.chunk_size"), !spans.contains(where: { if case .chunked = $0 { true } else { false } }) {
            findings.append(context.finding(Self.description,
                "attention.chunk_size is never used: no attention layer is a chunked layer", at: "attention.chunk_size",
                related: related))
        }
        return findings
    }
}
