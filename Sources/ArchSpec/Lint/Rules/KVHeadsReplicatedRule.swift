/// AC303: fewer KV heads than tensor-parallel ranks, so KV heads are replicated.
struct KVHeadsReplicatedRule: LintRule {
    static let description = RuleDescription(
        code: "AC303", name: "kv-heads-replicated", severity: .info, category: .parallelism,
        summary: "attention.kv_heads is below the tensor-parallel degree, so each KV head is replicated",
        rationale: """
            With kv_heads < tp each rank still holds at least one KV head: every head is copied tp / kv_heads \
            times and the per-GPU KV cache stops shrinking beyond tp = kv_heads. Capacity plans must use \
            max(1, kv_heads / tp) heads per GPU. Information: it is legal and common (Llama-3-70B at TP 16).
            """,
        source: "vLLM \"Number of KV heads is less than TP size, so we replicate the KV heads\"; `get_num_kv_heads` = max(1, total // tp)",
        triggering: [Examples.spec(attention: "{heads: 32, kv_heads: ↓8}", extra: "parallelism: {tensor: 16}")],
        nonTriggering: [Examples.spec(extra: "parallelism: {tensor: 8}")])

    func check(_ context: LintContext) -> [Diagnostic] {
        guard !context.isMLA else { return [] }
        let path = context.written("attention.kv_heads") ? "attention.kv_heads" : "attention.heads"
        let counts = context.attentionHeadCounts(path).filter { $0 > 0 }
        return context.degrees(.tensor).compactMap { degree in
            let tp = degree.value
            guard let kvHeads = counts.first(where: { $0 < tp && tp % $0 == 0 }) else { return nil }
            return context.finding(Self.description,
                "attention.kv_heads \(kvHeads) is below \(degree.phrase(.tensor)): each KV head is replicated "
                    + "\(tp / kvHeads) times and the per-GPU KV cache does not shrink beyond tp = \(kvHeads)",
                at: path, related: [("tensor-parallel degree declared here", degree.origin)])
        }
    }
}
