/// AC109: attention-only keys on a model none of whose layers runs attention.
struct AttentionKeysWithoutAttentionRule: LintRule {
    static let description = RuleDescription(
        code: "AC109", name: "attention-keys-without-attention", severity: .warning, category: .attention,
        summary: "attention-only keys (sinks, output_gate, sliding_window, chunk_size, indexer, kv_sharing, ...) on a model without attention layers",
        rationale: """
            When layer_pattern or layer_types gives every layer another token mixer (a pure Mamba-2 model is \
            layer_pattern [mamba2]), the keys that shape attention layers describe nothing: sinks, the output \
            gate, qk norms, windows and chunks, the indexer and KV sharing add no parameters, cache or FLOPs. \
            Such a key is usually a leftover of the model it was copied from, or the token-mixer layout is \
            wrong. Remove the keys, or give the layers that run attention.
            """,
        source: "transformers Mamba2Config / NemotronHConfig (no attention keys for mixer-only layers); archcalc's layer plan",
        requiresKeys: ["layer_pattern", "attention.sinks", "ssm.heads"],
        triggering: [
            Examples.spec(attention: "{heads: 32, sinks: ↓true, sliding_window: ↓1024}", mlp: "{intermediate_size: 11008, layer_pattern: [none]}",
                          extra: "layer_pattern: [mamba2]\nssm: {inner_size: 8192, state_size: 128, heads: 128, head_dim: 64, groups: 8}"),
        ],
        nonTriggering: [
            Examples.spec(attention: "{heads: 32, sinks: true, sliding_window: 1024}",
                          extra: "layer_pattern: [mamba2, attention]\nssm: {inner_size: 8192, state_size: 128, heads: 128, head_dim: 64, groups: 8}"),
            Examples.spec(attention: "{heads: 32, sinks: false}", mlp: "{intermediate_size: 11008, layer_pattern: [none]}",
                          extra: "layer_pattern: [mamba2]\nssm: {inner_size: 8192, state_size: 128, heads: 128, head_dim: 64, groups: 8}"),
        ])

    /// Keys that only shape attention layers; booleans count when true, `qk_norm` when not `none`.
    static let keys = [
        "sinks", "output_gate", "qk_norm", "sliding_window", "chunk_size", "layer_pattern", "layer_types",
        "full_layers", "sliding_layers", "indexer", "kv_sharing",
    ].map { "attention.\($0)" }

    func check(_ context: LintContext) -> [Diagnostic] {
        guard !context.runsAttention else { return [] }
        let layout = context.mixerLayoutPath
        let why = layout.map { " (\($0) gives no layer attention)" } ?? ""
        return Self.keys.compactMap { path in
            guard context.written(path) else { return nil }
            if let flag = context.result.values[path]?.boolean, !flag { return nil }
            if path == "attention.qk_norm", context.string(path) == QKNormKind.none.rawValue { return nil }
            return context.finding(Self.description, "\(path) has no effect: no layer runs attention\(why)", at: path,
                                   related: layout.map { [($0, $0)] } ?? [])
        }
    }
}
