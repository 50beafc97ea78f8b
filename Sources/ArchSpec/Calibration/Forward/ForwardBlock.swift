extension ForwardPass {
    /// One transformer block over `m` rows of `x`, in place (pre-norm, residual adds).
    func block(_ w: ForwardLayerWeights, index: Int, rows m: Int) {
        let a = spec.attention, h = spec.hiddenSize, d = a.headDim
        let qN = a.heads * d, kvN = a.kvHeads * d, qkvN = qN + 2 * kvN
        timed("elementwise") { norm(x.pointer, weight: w.norm1, bias: w.norm1Bias, rows: m) }
        timed("linear:qkv") {
            linear(normed.pointer, rows: m, weights: w.qkv, bias: w.qkvBias, n: qkvN, k: h, out: qkv.pointer, ldOut: qkvN)
        }
        timed("elementwise") { placeQKV(rows: m, index: index) }
        let keys = weights.keys[index].pointer, values = weights.values[index].pointer, cap = weights.capacity
        timed("attention") {
            if m == 1 {
                backend.attentionDecode(q: q.pointer, keys: keys, values: values, tokens: position + 1, heads: a.heads,
                                        kvHeads: a.kvHeads, headDim: d, capacity: cap, out: attention.pointer,
                                        scores: scores.pointer)
            } else {
                backend.attentionPrefill(q: q.pointer, keys: keys, values: values, tokens: m, heads: a.heads,
                                         kvHeads: a.kvHeads, headDim: d, capacity: cap, out: attention.pointer,
                                         scores: scores.pointer)
            }
        }
        timed("linear:attn_out") {
            linear(attention.pointer, rows: m, weights: w.out, bias: w.outBias, n: h, k: qN, out: projected.pointer, ldOut: h)
        }
        timed("elementwise") {
            backend.add(projected.pointer, into: x.pointer, count: m * h)
            norm(x.pointer, weight: w.norm2, bias: w.norm2Bias, rows: m)
        }
        if let dense = w.dense {
            feedForward(dense, input: normed.pointer, rows: m, width: spec.mlp.intermediateSize, prefix: "",
                        out: projected.pointer)
            timed("elementwise") { backend.add(projected.pointer, into: x.pointer, count: m * h) }
        } else if let moe = w.moe, let moeSpec = spec.moe {
            mixtureOfExperts(moe, spec: moeSpec, rows: m)
        }
    }

    /// out[rows, hidden] = MLP(input[rows, hidden]) through `w` of `width` hidden units, in the `mlp` buffer;
    /// its linears are timed as `linear:<prefix>gate_up` (or `up`) and `linear:<prefix>down`.
    func feedForward(_ w: ForwardMLPWeights, input: UnsafePointer<Float>, rows m: Int, width inter: Int, prefix: String,
                     out: UnsafeMutablePointer<Float>) {
        let h = spec.hiddenSize, upN = spec.mlp.kind == .gated ? 2 * inter : inter
        timed(spec.mlp.kind == .gated ? "linear:\(prefix)gate_up" : "linear:\(prefix)up") {
            linear(input, rows: m, weights: w.up, bias: w.upBias, n: upN, k: h, out: mlp.pointer, ldOut: upN)
        }
        timed("elementwise") { activate(rows: m, inter: inter, stride: upN) }
        timed("linear:\(prefix)down") {
            linear(mlp.pointer, rows: m, lda: upN, weights: w.down, bias: w.downBias, n: h, k: inter, out: out, ldOut: h)
        }
    }

    /// Applies rope to q and k, copies q out and writes k and v into the cache at the current positions.
    func placeQKV(rows m: Int, index: Int) {
        let a = spec.attention, d = a.headDim
        let qN = a.heads * d, kvN = a.kvHeads * d, qkvN = qN + 2 * kvN
        if spec.position.kind == .rope {
            backend.rope(qkv.pointer, rows: m, heads: a.heads, headDim: d, rowStride: qkvN, cos: ropeCos.pointer,
                         sin: ropeSin.pointer)
            backend.rope(qkv.pointer + qN, rows: m, heads: a.kvHeads, headDim: d, rowStride: qkvN,
                         cos: ropeCos.pointer, sin: ropeSin.pointer)
        }
        let keys = weights.keys[index].pointer, values = weights.values[index].pointer, cap = weights.capacity
        for r in 0..<m {
            let row = qkv.pointer + r * qkvN
            (q.pointer + r * qN).update(from: row, count: qN)
            for g in 0..<a.kvHeads {
                let slot = (g * cap + position + r) * d
                (keys + slot).update(from: row + qN + g * d, count: d)
                (values + slot).update(from: row + qN + kvN + g * d, count: d)
            }
        }
    }

    /// The MLP nonlinearity in place on the first `inter` columns of each row (gate · up for a gated MLP).
    func activate(rows m: Int, inter: Int, stride: Int) {
        let name = spec.mlp.activation.lowercased()
        for r in 0..<m {
            let gate = mlp.pointer + r * stride
            if spec.mlp.kind == .gated {
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
                let ones = [Float](repeating: 1, count: inter)
                backend.siluMultiply(gate, ones, count: inter)
            }
        }
    }
}
