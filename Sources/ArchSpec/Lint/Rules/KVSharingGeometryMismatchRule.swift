/// AC110: a layer reading the KV cache of a layer whose cache has another shape.
struct KVSharingGeometryMismatchRule: LintRule {
    static let description = RuleDescription(
        code: "AC110", name: "kv-sharing-geometry-mismatch", severity: .error, category: .attention,
        summary: "a layer shares the KV cache of a layer with other kv_heads, head_dim, attention form or span",
        rationale: """
            A layer that reads an earlier layer's KV cache uses that layer's keys and values as they are: the \
            same number of key/value heads of the same widths, the same form (standard or latent), and the same \
            span (a full layer reading a sliding layer's cache would see only the last window of tokens). \
            Frameworks share only between layers of one geometry (Gemma 3n shares from the last layer of the \
            same attention type). Pick a source of the same geometry, or make the geometries equal.
            """,
        source: "transformers Gemma3n (`num_kv_shared_layers`: a layer reuses the last non-shared layer of its own type); Brandon et al. 2024, Cross-Layer Attention",
        requiresKeys: ["attention.kv_sharing"],
        triggering: [
            Examples.spec(layers: "4", attention: "{heads: 32, kv_heads: [8, 8, 4, 8], head_dim: 128, kv_sharing: {layers: [2, 3], sources: [↓0, 1]}}"),
            Examples.spec(layers: "4", context: "32768",
                          attention: "{heads: 32, kv_heads: 8, sliding_window: 1024, layer_pattern: [sliding, full], kv_sharing: {layers: [3], sources: [↓2]}}"),
        ],
        nonTriggering: [
            Examples.spec(layers: "4", attention: "{heads: 32, kv_heads: 8, kv_sharing: {layers: [2, 3], sources: [0, 1]}}"),
            Examples.spec(layers: "4", attention: "{heads: [32, 32, 16, 32], kv_heads: 8, head_dim: 128, kv_sharing: {layers: [2], sources: [0]}}"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        context.kvSharingFinding(Self.description, path: "attention.kv_sharing.sources") { pair in
            guard let reader = pair.targetLayer.mixer.attention, let owner = pair.sourceLayer.mixer.attention else { return nil }
            let head = "layer \(pair.target) reads the KV cache of layer \(pair.source)"
            switch (reader.form, owner.form) {
            case (.latent(let a), .latent(let b)) where a.kvLoraRank != b.kvLoraRank || a.qkRopeHeadDim != b.qkRopeHeadDim:
                return "\(head), whose latent is \(b.kvLoraRank) + \(b.qkRopeHeadDim) wide, not \(a.kvLoraRank) + \(a.qkRopeHeadDim)"
            case (.latent, .standard), (.standard, .latent):
                return "\(head), which caches \(Self.form(owner)), but layer \(pair.target) reads \(Self.form(reader))"
            case (.standard, .standard):
                if reader.kvHeads != owner.kvHeads || reader.headDim != owner.headDim || reader.valueHeadDim != owner.valueHeadDim {
                    return "\(head), which caches \(owner.kvHeads) kv_heads of head_dim \(owner.headDim), not \(reader.kvHeads) of \(reader.headDim)"
                }
            default: break
            }
            if reader.span != owner.span {
                return "\(head), whose span is \(Self.phrase(owner.span)), not \(Self.phrase(reader.span))"
            }
            return nil
        }
    }

    static func form(_ mixer: AttentionMixer) -> String {
        if case .latent = mixer.form { return "a latent (mla)" }
        return "standard keys and values"
    }

    static func phrase(_ span: AttentionSpan) -> String {
        switch span {
        case .full: "the full context"
        case .sliding(let window): "a sliding window of \(window) tokens"
        case .chunked(let size): "chunks of \(size) tokens"
        }
    }
}
