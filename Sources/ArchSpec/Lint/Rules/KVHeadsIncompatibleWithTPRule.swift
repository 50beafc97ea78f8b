/// AC302: kv_heads neither a multiple nor a divisor of the tensor-parallel degree.
struct KVHeadsIncompatibleWithTPRule: LintRule {
    static let description = RuleDescription(
        code: "AC302", name: "kv-heads-incompatible-with-tp", severity: .error, category: .parallelism,
        summary: "attention.kv_heads is neither a multiple nor a divisor of the tensor-parallel degree",
        rationale: """
            Key/value heads are either partitioned (kv_heads a multiple of tp) or replicated (tp a multiple of \
            kv_heads, each head copied tp / kv_heads times); anything else cannot be sharded. Pick a degree \
            that is a multiple or a divisor of kv_heads.
            """,
        source: "Megatron \"num_query_groups (...) must be a multiple or divisor of tensor_model_parallel_size\"; vLLM LlamaAttention asserts",
        triggering: [Examples.spec(attention: "{heads: 48, kv_heads: ↓6}", extra: "parallelism: {tensor: 4}")],
        nonTriggering: [Examples.spec(extra: "parallelism: {tensor: 4}"), Examples.spec(extra: "parallelism: {tensor: 16}")])

    func check(_ context: LintContext) -> [Diagnostic] {
        guard !context.isMLA else { return [] }
        let path = context.written("attention.kv_heads") ? "attention.kv_heads" : "attention.heads"
        let counts = context.attentionHeadCounts(path).filter { $0 > 0 }
        let perLayer = context.integers(path) != nil ? " in some attention layers" : ""
        return context.degrees(.tensor).compactMap { degree in
            let tp = degree.value
            guard let kvHeads = counts.first(where: { $0 % tp != 0 && tp % $0 != 0 }) else { return nil }
            return context.finding(Self.description,
                "attention.kv_heads \(kvHeads) is neither a multiple nor a divisor of \(degree.phrase(.tensor))\(perLayer)",
                at: path, related: [("tensor-parallel degree declared here", degree.origin)])
        }
    }
}
