extension LatencyModel {
    /// Seconds of every layer's norms, residual adds, q/k norms, rope, copies into the cache, output gates and
    /// MLP activations for `rows` rows: each call as the forward pass makes it, priced by the profile's
    /// `layer_ops` (a fixed cost per call plus a cost per element, measured on one thread). Profiles without
    /// them stream the bytes at the triad bandwidth (`elementwiseBytesSeconds`).
    ///
    /// A one-row call (a decode step) is priced by the cold points, where the profile has them: in a decode step
    /// each op runs after a weight stream has evicted its operands. Prefill keeps the in-cache points: its ops run
    /// over rows a GEMM has just written.
    func elementwiseSeconds(_ spec: ArchitectureSpec, rows: Int) -> Double {
        let points = profile.layerOps ?? []
        func cost(_ op: LayerOp) -> LayerOpCost? {
            (rows == 1 ? LayerOpCost(points, op: op, cold: true) : nil) ?? LayerOpCost(points, op: op)
        }
        guard let plan = try? spec.plan,
              let add = cost(.add), let rms = cost(.rmsnorm), let norm = cost(spec.norm.kind == .layernorm ? .layernorm : .rmsnorm),
              let rope = cost(.rope), let silu = cost(.siluMultiply), let gelu = cost(.gelu)
        else { return elementwiseBytesSeconds(spec, rows: rows) }
        let r = max(0, rows), h = spec.hiddenSize
        let activation = spec.mlp.activation.lowercased()
        /// `calls` activation calls over `elements` elements (the forward pass's `activate`, row by row).
        func activate(calls: Int, elements: Int, gated: Bool) -> Double {
            if activation.contains("gelu") {
                // gelu in place, then (gated) a plain multiply by up, priced as an add per element.
                return gelu.seconds(calls: calls, elements: elements) + (gated ? add.seconds(calls: 0, elements: elements) : 0)
            }
            if gated || !activation.contains("relu") { return silu.seconds(calls: calls, elements: elements) }
            return add.seconds(calls: 0, elements: elements)
        }
        var total = 0.0
        for (layer, count) in plan.groups where count > 0 {
            var s = 0.0
            // Residual adds of the mixers: attention, a recurrent mixer, or both (attention beside Mamba-2).
            let mixers: Int
            switch layer.mixer {
            case .none: mixers = 0
            case .attentionMamba2: mixers = 2
            case .attention, .linearAttention, .mamba, .mamba2, .shortConv: mixers = 1
            }
            let hasChannel: Bool = { if case .none = layer.channel { return false } else { return true } }()
            guard mixers > 0 || hasChannel else { continue }
            s += norm.seconds(calls: 1, elements: r * h)
            s += Double(mixers) * add.seconds(calls: 1, elements: r * h)
            if mixers > 0 && hasChannel && !spec.parallelAttention { s += norm.seconds(calls: 1, elements: r * h) }
            if let a = layer.mixer.attention, case .standard(let kv, let d, let dv) = a.form {
                let qk = r * (a.heads + kv) * d
                switch a.qkNorm {
                case .none: break
                case .head: s += rms.seconds(calls: r * (a.heads + kv), elements: qk)
                case .full: s += rms.seconds(calls: 2 * r, elements: qk)
                }
                if spec.position.kind == .rope { s += rope.seconds(calls: 2, elements: qk) }
                s += add.seconds(calls: 0, elements: r * (a.heads * d + 2 * kv * dv))  // queries and the cache writes
                if a.outputGate { s += silu.seconds(calls: 0, elements: r * a.heads * dv) }
            } else if let a = layer.mixer.attention {
                // MLA: its copies and rope as bytes at the triad bandwidth.
                s += streamSeconds(4 * Double(r) * 4 * Double(ForwardAttentionWeights.Dims(a).projection))
            }
            switch layer.channel {
            case .dense(let ff):
                s += activate(calls: r, elements: r * ff.width, gated: ff.gated) + add.seconds(calls: 1, elements: r * h)
            case .moe(let block):
                let routed = r * min(block.topK, block.experts), shared = r * block.sharedExperts
                s += activate(calls: routed, elements: routed * block.expert.width, gated: block.expert.gated)
                s += activate(calls: shared, elements: shared * block.shared.width, gated: block.shared.gated)
            case .none: break
            }
            total += Double(count) * s
        }
        return total
    }
}
