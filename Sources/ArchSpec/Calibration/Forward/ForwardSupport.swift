extension ForwardPass {
    /// The features of `spec` the forward pass does not run yet, in words (empty when it runs the spec as written).
    ///
    /// `validate` refuses these rather than timing a different model than the spec describes.
    public static func unsupportedFeatures(_ spec: ArchitectureSpec, tokens: Int) -> [String] {
        var missing: [String] = []
        if let moe = spec.moe {
            if moe.experts < 1 || moe.topK < 1 || moe.topK > moe.experts {
                missing.append("routing \(moe.topK) of \(moe.experts) experts")
            }
            if let groups = moe.groups, groups > 1, (moe.topKGroups ?? groups) < groups {
                missing.append("grouped expert routing (n_group \(groups), topk_group \(moe.topKGroups ?? groups))")
            }
        }
        if spec.attention.kind != .standard { missing.append("\(spec.attention.kind.rawValue) attention") }
        if spec.attention.qkNorm != .none { missing.append("query/key norms") }
        if let window = spec.attention.slidingWindow, window.window < tokens { missing.append("a sliding window shorter than \(tokens) tokens") }
        if spec.parallelAttention { missing.append("parallel attention and MLP blocks") }
        if spec.lmHeadBias { missing.append("an lm_head bias") }
        if spec.position.kind == .alibi { missing.append("ALiBi biases") }
        missing += unsupportedLayers(spec, tokens: tokens)
        return missing
    }

    /// Layer-plan kinds the forward pass does not run: it runs standard attention with the full context and a
    /// dense MLP or MoE block, the same in every layer.
    static func unsupportedLayers(_ spec: ArchitectureSpec, tokens: Int) -> [String] {
        guard let plan = try? spec.plan else { return ["a layer layout archcalc cannot lay out"] }
        var missing: [String] = []
        var labels = Set<String>()
        for layer in plan.kinds {
            switch layer.mixer {
            case .attention(let a):
                if case .chunked(let size) = a.span, size < tokens { labels.insert("chunked attention") }
                if a.sinks { labels.insert("attention sinks") }
                if a.outputGate { labels.insert("gated attention output") }
                if a.indexer != nil { labels.insert("a sparse-attention indexer") }
                if a.readsSharedKV { labels.insert("cross-layer KV sharing") }
            case .linearAttention(let l): labels.insert("\(l.kind.rawValue) linear attention")
            case .mamba: labels.insert("mamba layers")
            case .mamba2, .attentionMamba2: labels.insert("mamba2 layers")
            case .shortConv: labels.insert("short convolution layers")
            case .none: labels.insert("layers without attention")
            }
            if case .none = layer.channel { labels.insert("layers without an MLP") }
        }
        if !spec.layout.heads.isEmpty || !spec.layout.kvHeads.isEmpty || !spec.layout.intermediateSizes.isEmpty {
            labels.insert("per-layer sizes")
        }
        // The forward pass places MoE layers by moe's own rules (dense_layers, layer_interval, dense indices).
        if !spec.layout.channels.isEmpty { labels.insert("MoE layers placed by mlp.layer_pattern or mlp.layer_types") }
        missing += labels.sorted()
        return missing
    }
}
