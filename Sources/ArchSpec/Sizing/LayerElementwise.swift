/// The elementwise and norm kernels a layer runs on one device, each at its own width (`docs/sizing.md`,
/// "Elementwise kernels"): the input norm with the residual add fused in, rope on this rank's q and k heads (or
/// the gating of a non-attention mixer), then, when the layer has a channel mixer, the post-mixer norm and the
/// activation over this rank's share of the feed-forward width; plus quantisation before the narrow GEMMs,
/// the router's kernels and q/k norms where the layer has them.
extension StepWorkBuilder {
    func elementwise(_ layer: Layer, narrow: Bool) -> [ElementwiseKernel] {
        let tp = Double(max(candidate.layout.tp, 1)), hidden = Double(setup.spec.hiddenSize)
        var kernels = [ElementwiseKernel(.addNorm, width: hidden)]
        var mixerOutput = hidden
        if let attention = layer.mixer.attention {
            let q = Double(attention.heads) / tp
            let rope: Double
            switch attention.form {
            case .standard(let kvHeads, let headDim, let valueDim):
                let kv = Double(max(1, kvHeads / Int(tp)))
                rope = (q + kv) * Double(headDim)
                mixerOutput = q * Double(valueDim)
                if attention.qkNorm != .none { kernels.append(ElementwiseKernel(.norm, width: rope)) }
            case .latent(let mla):
                rope = (q + 1) * Double(mla.qkRopeHeadDim)
                mixerOutput = q * Double(mla.vHeadDim)
                if attention.qkNorm != .none { kernels.append(ElementwiseKernel(.norm, width: q * Double(mla.qkHeadDim))) }
            }
            kernels.append(ElementwiseKernel(.rope, width: rope))
        } else {
            // Gating and convolution of a non-attention mixer, priced as one residual add over hidden (not measured).
            kernels.append(ElementwiseKernel(.residualAdd, width: hidden))
        }
        let channel: (width: Double, gated: Bool)?
        switch layer.channel {
        case .dense(let ff): channel = (Double(ff.width), ff.gated)
        case .moe(let block):
            channel = (Double(block.topK) * Double(block.expert.width)
                       + Double(block.sharedExperts) * Double(block.shared.width), block.expert.gated)
            kernels += Self.routing(experts: block.experts, topK: block.topK, hidden: hidden)
        case .none: channel = nil
        }
        if let channel {
            let width = (channel.width / tp).rounded(.up)
            kernels += [ElementwiseKernel(.addNorm, width: hidden),
                        ElementwiseKernel(channel.gated ? .gatedActivation : .activation, width: width)]
            if narrow { kernels += [ElementwiseKernel(.quantize, width: mixerOutput), ElementwiseKernel(.quantize, width: width)] }
        } else if narrow {
            kernels.append(ElementwiseKernel(.quantize, width: mixerOutput))
        }
        return kernels
    }

    /// A routed-expert layer's own kernels, as vLLM's fused MoE runs them: the top-k softmax over the router's
    /// logits, the block alignment of the routed token ids, and the sum of each token's top_k expert outputs
    /// (reads top_k x hidden, writes hidden: 2 passes of (top_k + 1) / 2 x hidden).
    static func routing(experts: Int, topK: Int, hidden: Double) -> [ElementwiseKernel] {
        [ElementwiseKernel(.copy, width: Double(experts)), ElementwiseKernel(.copy, width: Double(topK)),
         ElementwiseKernel(.copy, width: (Double(topK) + 1) / 2 * hidden)]
    }

    /// The model-level kernels of a stage: the embedding gather on the first, the final norm and two sampling
    /// kernels on the last.
    func headElementwise(first: Bool, last: Bool) -> [ElementwiseKernel] {
        let hidden = Double(setup.spec.hiddenSize)
        return (first ? [ElementwiseKernel(.copy, width: hidden)] : [])
            + (last ? [ElementwiseKernel(.addNorm, width: hidden), ElementwiseKernel(.copy, width: hidden),
                       ElementwiseKernel(.copy, width: hidden)] : [])
    }
}
