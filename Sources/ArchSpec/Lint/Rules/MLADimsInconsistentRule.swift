/// AC108: multi-head latent attention dimensions that do not add up.
struct MLADimsInconsistentRule: LintRule {
    static let description = RuleDescription(
        code: "AC108", name: "mla-dims-inconsistent", severity: .error, category: .attention,
        summary: "multi-head latent attention dimensions are missing, set without attention.kind: mla, or do not add up",
        rationale: """
            Multi-head latent attention (DeepSeek-V2/V3) caches a compressed latent of kv_lora_rank plus a \
            shared rotary key of qk_rope_head_dim per token, and its query/key head dimension is \
            qk_nope_head_dim + qk_rope_head_dim (192 for DeepSeek-V3), not hidden_size / heads. All four of \
            kv_lora_rank, qk_rope_head_dim, qk_nope_head_dim and v_head_dim are needed to size it; MLA keys \
            without `kind: mla` are ignored; an explicit head_dim must equal qk_nope + qk_rope. Give the full set.
            """,
        source: "DeepSeek-V3 config.json; vLLM MLA head size = kv_lora_rank + qk_rope_head_dim; transformers DeepseekV3Config `qk_head_dim`",
        requiresKeys: ["attention.kind", "attention.kv_lora_rank", "attention.qk_rope_head_dim",
                       "attention.qk_nope_head_dim", "attention.v_head_dim"],
        triggering: [
            Examples.spec(attention: "{heads: 32, kv_heads: 8, kv_lora_rank: ↓512}"),
            Examples.spec(attention: "{kind: ↓mla, heads: 32, kv_lora_rank: 512, qk_rope_head_dim: 64}"),
        ],
        nonTriggering: [
            RuleExample(Examples.base),
            Examples.spec(attention: "{kind: mla, heads: 32, kv_lora_rank: 512, qk_rope_head_dim: 64, qk_nope_head_dim: 128, v_head_dim: 128}"),
        ])

    func claims(_ loaderDiagnostic: Diagnostic) -> Bool {
        let path = loaderDiagnostic.keyPath ?? ""
        if claim(loaderDiagnostic, .missingField) { return path == "attention.kind" }
        return loaderDiagnostic.code == .check(.mlaDimensions)
    }

    static let keys = ["kv_lora_rank", "qk_rope_head_dim", "qk_nope_head_dim", "v_head_dim"]

    func check(_ context: LintContext) -> [Diagnostic] {
        let written = (["q_lora_rank"] + Self.keys).map { "attention.\($0)" }.filter(context.written)
        guard context.isMLA else {
            guard let first = written.first else { return [] }
            return [context.finding(Self.description, SpecChecks.mlaKeyWithoutMLA(String(first.dropFirst("attention.".count))))]
        }
        let missing = Self.keys.filter { !context.written("attention.\($0)") }
        if !missing.isEmpty {
            return [context.finding(Self.description,
                "attention.kind mla needs \(missing.map { "attention.\($0)" }.joined(separator: ", "))",
                at: "attention.kind")]
        }
        guard let headDim = context.int("attention.head_dim"), let nope = context.int("attention.qk_nope_head_dim"),
              let rope = context.int("attention.qk_rope_head_dim"),
              let problem = SpecChecks.mlaHeadDim(headDim: headDim, nope: nope, rope: rope) else { return [] }
        return [context.finding(Self.description, problem)]
    }
}
