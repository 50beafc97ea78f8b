extension ForwardPass {
    /// The features of `spec` the forward pass cannot run, in words (empty when it runs the spec as written).
    ///
    /// `validate` refuses these rather than timing a different model than the spec describes. The pass runs
    /// every layer kind of the layer plan except DeepSeek sparse attention's indexer and layers that read an
    /// earlier layer's KV cache.
    public static func unsupportedFeatures(_ spec: ArchitectureSpec, tokens: Int) -> [String] {
        var missing: [String] = []
        if let moe = spec.moe {
            if moe.experts < 1 || moe.topK < 1 || moe.topK > moe.experts {
                missing.append("routing \(moe.topK) of \(moe.experts) experts")
            }
            if let groups = moe.groups, groups > 1, moe.experts % groups != 0 {
                missing.append("grouped expert routing with \(moe.experts) experts in \(groups) unequal groups")
            }
        }
        guard let plan = try? spec.plan else { return missing + ["a layer layout archcalc cannot lay out"] }
        var labels = Set<String>()
        for layer in plan.kinds {
            guard let a = layer.mixer.attention else { continue }
            if a.indexer != nil { labels.insert("a sparse-attention indexer") }
            if a.readsSharedKV { labels.insert("cross-layer KV sharing") }
        }
        return missing + labels.sorted()
    }
}
