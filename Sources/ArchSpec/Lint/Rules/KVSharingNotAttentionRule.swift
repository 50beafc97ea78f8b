/// AC111: KV sharing that names a layer without attention.
struct KVSharingNotAttentionRule: LintRule {
    static let description = RuleDescription(
        code: "AC111", name: "kv-sharing-not-attention", severity: .error, category: .attention,
        summary: "attention.kv_sharing reads the cache of a layer that runs no attention, or names such a layer as a reader",
        rationale: """
            Cross-layer KV sharing (YOCO, CLA, Gemma 3n) lets an attention layer reuse the keys and values an \
            earlier attention layer cached. A Mamba, linear-attention or mixer-less layer has no KV cache to \
            lend, and a reader that runs no attention has no keys or values to replace; archcalc would drop a \
            cache that no layer provides. Point each entry of sources at an attention layer, and list only \
            attention layers in layers.
            """,
        source: "Brandon et al. 2024, Cross-Layer Attention (arXiv 2405.12981); transformers Gemma3n `num_kv_shared_layers`",
        requiresKeys: ["attention.kv_sharing", "layer_pattern"],
        triggering: [
            Examples.spec(layers: "4", attention: "{heads: 32, kv_heads: 8, kv_sharing: {layers: [2, 3], sources: [0, ↓1]}}",
                          extra: "layer_pattern: [attention, mamba2]\nssm: {inner_size: 8192, state_size: 128, heads: 128, head_dim: 64}"),
        ],
        nonTriggering: [
            Examples.spec(layers: "4", attention: "{heads: 32, kv_heads: 8, kv_sharing: {layers: [2], sources: [0]}}",
                          extra: "layer_pattern: [attention, mamba2]\nssm: {inner_size: 8192, state_size: 128, heads: 128, head_dim: 64}"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        context.kvSharingFinding(Self.description, path: "attention.kv_sharing.sources") { pair in
            if pair.sourceLayer.mixer.attention == nil {
                return "layer \(pair.target) reads the KV cache of layer \(pair.source), which runs \(pair.sourceLayer.mixer.kindName), not attention, and has no KV cache"
            }
            if pair.targetLayer.mixer.attention == nil {
                return "layer \(pair.target) runs \(pair.targetLayer.mixer.kindName), not attention, so it has no keys or values to take from layer \(pair.source)"
            }
            return nil
        }
    }
}
