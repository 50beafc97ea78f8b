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
        return missing
    }
}
