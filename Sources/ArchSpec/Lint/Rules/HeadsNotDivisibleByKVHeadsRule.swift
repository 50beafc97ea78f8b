/// AC103: heads is not a multiple of kv_heads (including kv_heads > heads).
struct HeadsNotDivisibleByKVHeadsRule: LintRule {
    static let description = RuleDescription(
        code: "AC103", name: "heads-not-divisible-by-kv-heads", severity: .error, category: .attention,
        summary: "attention.heads is not divisible by attention.kv_heads",
        rationale: """
            Grouped-query attention shares each key/value head with an equal group of query heads, so heads \
            must be a multiple of kv_heads (kv_heads = heads is MHA, 1 is MQA). Kernels and model code reject \
            anything else. Choose kv_heads from the divisors of heads (the message lists them).
            """,
        source: "FlashAttention README: \"the number of heads in Q must be divisible by the number of heads in KV\"; vLLM and Megatron asserts",
        triggering: [
            Examples.spec(attention: "{heads: 32, kv_heads: ↓6}"),
            Examples.spec(attention: "{heads: 8, kv_heads: ↓16}", mlp: "{intermediate_size: 11008}"),
            Examples.spec(layers: "2", attention: "{heads: [32, 32], head_dim: 128, kv_heads: ↓[8, 6]}"),
        ],
        nonTriggering: [RuleExample(Examples.base), Examples.spec(attention: "{heads: 32, kv_heads: 1}")])

    /// The loader's check, scalar or per layer (`layer 3: attention.heads 32 is not divisible by ...`).
    func claims(_ loaderDiagnostic: Diagnostic) -> Bool {
        loaderDiagnostic.code == .check(.headsDivisibleByKVHeads)
    }

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let heads = context.heads, let kvHeads = context.int("attention.kv_heads"),
              let problem = SpecChecks.headsDivisibleByKVHeads(heads: heads, kvHeads: kvHeads) else { return [] }
        return [context.finding(Self.description, problem, related: [("heads", "attention.heads")])]
    }
}
