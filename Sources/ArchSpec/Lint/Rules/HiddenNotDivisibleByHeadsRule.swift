/// AC101: hidden_size is not divisible by heads and no head_dim is given.
struct HiddenNotDivisibleByHeadsRule: LintRule {
    static let description = RuleDescription(
        code: "AC101", name: "hidden-not-divisible-by-heads", severity: .error, category: .attention,
        summary: "hidden_size is not divisible by attention.heads and attention.head_dim is not given",
        rationale: """
            Without an explicit head_dim, frameworks derive it as hidden_size // heads and silently drop the \
            remainder, so Q/K/V shapes no longer match hidden_size. A real catalog ships OPT-13B with \
            hidden_size 5140 and 40 heads (a head dim of 128.5; the real value is 5120). Fix hidden_size (the \
            message gives the nearest multiple of heads) or state attention.head_dim explicitly if the model \
            really decouples the two (as Gemma does).
            """,
        source: "vLLM `ModelConfig.get_head_size` (hidden_size // num_attention_heads); Megatron `kv_channels = hidden_size // num_attention_heads`",
        triggering: [Examples.spec(hidden: "5140", attention: "{heads: ↓40}", mlp: "{intermediate_size: 20480}")],
        nonTriggering: [
            Examples.spec(hidden: "5120", attention: "{heads: 40}", mlp: "{intermediate_size: 20480}"),
            Examples.spec(hidden: "5140", attention: "{heads: 40, head_dim: 128}", mlp: "{intermediate_size: 20480}"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        guard !context.isMLA, !context.has("attention.head_dim"), let hidden = context.int("hidden_size"),
              let heads = context.heads, heads > 0, hidden % heads != 0
        else { return [] }
        let nearest = LintMessage.nearestMultiple(hidden, of: heads).map { "; the nearest multiple of heads is \($0)" } ?? ""
        let message = "hidden_size \(hidden) is not divisible by attention.heads \(heads) (a head dim of "
            + "\(Self.decimal(hidden, heads)))\(nearest); or set attention.head_dim"
        return [context.finding(Self.description, message, at: "attention.heads", related: [("hidden_size", "hidden_size")])]
    }

    /// `5140 / 40` as `128.5`, to two decimals (truncated); wide arithmetic, so any positive sizes work.
    static func decimal(_ numerator: Int, _ denominator: Int) -> String {
        let hundredths = Int(Int128(numerator % denominator) * 100 / Int128(denominator))
        let text = hundredths % 10 == 0 ? "\(hundredths / 10)" : (hundredths < 10 ? "0\(hundredths)" : "\(hundredths)")
        return "\(numerator / denominator).\(text)"
    }
}
