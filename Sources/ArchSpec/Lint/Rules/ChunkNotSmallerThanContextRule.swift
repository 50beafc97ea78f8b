/// AC508: an attention chunk no smaller than the context.
struct ChunkNotSmallerThanContextRule: LintRule {
    static let description = RuleDescription(
        code: "AC508", name: "chunk-not-smaller-than-context", severity: .warning, category: .positions,
        summary: "attention.chunk_size is at least context_length, so chunked layers attend to the full context",
        rationale: """
            A chunked layer (Llama 4's local attention) attends only within its chunk of chunk_size tokens and \
            caches at most that many; a chunk as long as the context is plain causal attention, so the KV-cache \
            and FLOP saving the chunked layers promise does not exist. Usually a value copied from \
            max_position_embeddings or a unit slip. Set the real chunk size (Llama 4 Scout: 8192 of a 10M \
            context), or make the layers full.
            """,
        source: "transformers Llama4TextConfig `attention_chunk_size` (8192) and `no_rope_layers`; vLLM ChunkedLocalAttention",
        requiresKeys: ["attention.chunk_size"],
        triggering: [
            Examples.spec(attention: "{heads: 32, kv_heads: 8, chunk_size: ↓8192, layer_pattern: [chunked, chunked, chunked, full]}"),
        ],
        nonTriggering: [
            Examples.spec(context: "131072", attention: "{heads: 32, kv_heads: 8, chunk_size: 8192, layer_pattern: [chunked, chunked, chunked, full]}"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let length = context.spec?.contextLength, let spans = context.attentionValues(\.span) else { return [] }
        let chunks = spans.compactMap { span -> Int? in if case .chunked(let size) = span { size } else { nil } }
        guard let size = chunks.max(), size >= length else { return [] }
        return [context.finding(Self.description,
            "attention.chunk_size \(size) is not smaller than context_length \(length), so chunked layers attend to the whole context",
            at: "attention.chunk_size", related: [("context_length", "context_length")])]
    }
}
