/// AC501: a context longer than the positions the model can encode.
struct ContextExceedsPositionsRule: LintRule {
    static let description = RuleDescription(
        code: "AC501", name: "context-exceeds-positions", severity: .error, category: .positions,
        summary: "context_length exceeds what rope scaling reaches, or --context exceeds context_length",
        rationale: """
            With rope scaling, the reachable context is original_context_length x factor; a longer \
            context_length has no trained positions behind it. And a serving context (`archcalc lint \
            --context N`) beyond context_length leads to NaNs with RoPE or out-of-bounds reads with a learned \
            table; vLLM refuses it. Lower the context or declare the scaling that reaches it. Models with \
            chunked attention layers are exempt from the rope check: Llama 4's iRoPE applies rotary positions \
            only in its chunked layers (relative distances below chunk_size) and leaves the global layers \
            without positions (no_rope_layers), so its 10M context is not bounded by the rope scaling.
            """,
        source: "vLLM `_get_and_verify_max_len` (\"positions exceeding derived_max_model_len lead to nan\")",
        requiresKeys: ["position.rope_scaling.factor", "position.rope_scaling.original_context_length"],
        triggering: [
            Examples.spec(context: "↓131072", extra: "position: {kind: rope, rope_scaling: {type: linear, factor: 4, original_context_length: 8192}}"),
            RuleExample(Examples.spec(context: "↓4096").text, servingContext: 8192),
        ],
        nonTriggering: [
            Examples.spec(context: "32768", extra: "position: {kind: rope, rope_scaling: {type: linear, factor: 4, original_context_length: 8192}}"),
            RuleExample(Examples.base, servingContext: 4096),
            // Llama 4 Scout: RoPE only inside 8192-token chunks, NoPE global layers, a 10M context.
            Examples.spec(context: "10485760", attention: "{heads: 32, kv_heads: 8, chunk_size: 8192, layer_pattern: [chunked, chunked, chunked, full]}",
                          extra: "position: {kind: rope, rope_scaling: {type: llama3, factor: 16, original_context_length: 8192}}"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let length = context.int("context_length") else { return [] }
        var findings: [Diagnostic] = []
        if let serving = context.settings.servingContext, serving > length {
            findings.append(context.finding(Self.description,
                "the serving context \(serving) (--context) exceeds context_length \(length)", at: "context_length"))
        }
        if let original = context.int("position.rope_scaling.original_context_length"),
           let factor = context.number("position.rope_scaling.factor"), factor >= 1 {
            let reach = Double(original) * factor
            let chunked = context.attentionValues(\.span)?.contains { if case .chunked(let size) = $0 { Double(size) <= reach } else { false } } ?? false
            if Double(length) > reach, !chunked {
                findings.append(context.finding(Self.description,
                    "context_length \(length) exceeds original_context_length \(original) x rope factor \(LintNumber.text(factor)) = \(LintNumber.text(reach))",
                    at: "context_length", related: [("rope scaling", "position.rope_scaling.factor")]))
            }
        }
        return findings
    }
}

/// Numbers in messages: integers without a fraction, others as written by Swift.
enum LintNumber {
    static func text(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
