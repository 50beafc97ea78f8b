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

    /// The loader's per-layer check (`layer 3: attention.heads 32 is not divisible by attention.kv_heads 6`).
    func claims(_ loaderDiagnostic: Diagnostic) -> Bool {
        claim(loaderDiagnostic, .inconsistent) && loaderDiagnostic.message.hasPrefix("layer ")
            && loaderDiagnostic.message.contains("is not divisible by attention.kv_heads")
    }

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let heads = context.heads, let kvHeads = context.int("attention.kv_heads"), kvHeads > 0,
              kvHeads > heads || heads % kvHeads != 0
        else { return [] }
        let divisors = Self.divisors(of: heads).map(String.init).joined(separator: ", ")
        let choices = divisors.isEmpty ? "" : " (\(divisors))"
        let message = LintMessage.notDivisible("attention.heads", heads, by: "attention.kv_heads \(kvHeads)")
            + "; kv_heads must divide heads\(choices)"
        return [context.finding(Self.description, message, at: "attention.kv_heads", related: [("heads", "attention.heads")])]
    }

    /// Divisors of `value` in increasing order (at most the first 24).
    static func divisors(of value: Int) -> [Int] {
        guard value > 0, value <= 1_000_000 else { return [] }
        var small: [Int] = []
        var large: [Int] = []
        var candidate = 1
        while candidate <= value / candidate {
            if value % candidate == 0 {
                small.append(candidate)
                if candidate != value / candidate { large.append(value / candidate) }
            }
            candidate += 1
        }
        return Array((small + large.reversed()).prefix(24))
    }
}
