extension ForwardPass {
    /// One layer over `m` rows of `x`, in place (pre-norm, residual adds): x += mixer(norm1(x)), then
    /// x += channel(norm2(x)); in a parallel block (`parallel_attention`) both read norm1(x). A hybrid layer
    /// (attention beside Mamba-2) adds both mixers' outputs.
    func block(_ w: ForwardLayerWeights, index: Int, rows m: Int) {
        let h = spec.hiddenSize
        let hasMixer = w.attention != nil || w.recurrent != nil, hasChannel = w.dense != nil || w.moe != nil
        guard hasMixer || hasChannel else { return }
        timed("elementwise") { norm(x.pointer, weight: w.norm1, bias: w.norm1Bias, rows: m) }
        if let attention = w.attention {
            if case .latent(let mla) = attention.mixer.form {
                latentAttention(attention, mla: mla, rows: m)
            } else {
                standardAttention(attention, rows: m)
            }
            timed("elementwise") { backend.add(projected.pointer, into: x.pointer, count: m * h) }
        }
        if let recurrent = w.recurrent {
            recurrentMixer(recurrent, rows: m)
            timed("elementwise") { backend.add(projected.pointer, into: x.pointer, count: m * h) }
        }
        guard hasChannel else { return }
        if hasMixer && !spec.parallelAttention {
            timed("elementwise") { norm(x.pointer, weight: w.norm2, bias: w.norm2Bias, rows: m) }
        }
        if let dense = w.dense {
            feedForward(dense, input: normed.pointer, rows: m, prefix: "", out: projected.pointer)
            timed("elementwise") { backend.add(projected.pointer, into: x.pointer, count: m * h) }
        } else if let moe = w.moe {
            mixtureOfExperts(moe, rows: m)
        }
    }

    /// out[rows, hidden] = MLP(input[rows, hidden]) through `w`; its linears are timed as
    /// `linear:<prefix>gate_up` (or `up`) and `linear:<prefix>down`.
    func feedForward(_ w: ForwardMLPWeights, input: UnsafePointer<Float>, rows m: Int, prefix: String,
                     out: UnsafeMutablePointer<Float>) {
        let h = spec.hiddenSize, inter = w.width, upN = w.gated ? 2 * inter : inter
        let hidden = scratch.buffer(.hidden, m * upN)
        timed(w.gated ? "linear:\(prefix)gate_up" : "linear:\(prefix)up") {
            linear(input, rows: m, weights: w.up, bias: w.upBias, n: upN, k: h, out: hidden, ldOut: upN)
        }
        timed("elementwise") { activate(hidden, rows: m, inter: inter, stride: upN, gated: w.gated) }
        timed("linear:\(prefix)down") {
            linear(hidden, rows: m, lda: upN, weights: w.down, bias: w.downBias, n: h, k: inter, out: out, ldOut: h)
        }
    }

    /// The MLP nonlinearity in place on the first `inter` columns of each row (gate · up for a gated MLP).
    func activate(_ hidden: UnsafeMutablePointer<Float>, rows m: Int, inter: Int, stride: Int, gated: Bool) {
        let name = spec.mlp.activation.lowercased()
        for r in 0..<m {
            let gate = hidden + r * stride
            if gated {
                if name.contains("gelu") {
                    backend.gelu(gate, count: inter)
                    for i in 0..<inter { gate[i] *= gate[inter + i] }
                } else {
                    backend.siluMultiply(gate, gate + inter, count: inter)
                }
            } else if name.contains("relu") {
                for i in 0..<inter { gate[i] = max(0, gate[i]) }
            } else if name.contains("gelu") {
                backend.gelu(gate, count: inter)
            } else {
                for i in 0..<inter { gate[i] = gate[i] / (1 + backend.exp(-gate[i])) }
            }
        }
    }
}
