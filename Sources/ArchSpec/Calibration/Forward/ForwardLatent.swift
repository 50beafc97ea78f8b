extension ForwardPass {
    /// Multi-head latent attention over `m` normed rows, its output in `projected`.
    ///
    /// One GEMM gives [q (or q_a) | latent | rotary key]; q_a is normed and expanded by q_b_proj; the latent is
    /// normed and cached with the roped shared key ([capacity][kv_lora_rank + rope]). Prefill and naive decode
    /// expand every cached latent through kv_b_proj into per-head [k_nope | v] (`linear:kv_b`) and attend per
    /// head; absorbed decode folds kv_b_proj's key half into the query and its value half into the output
    /// (`linear:kv_b_absorbed`) and attends over the latent itself.
    func latentAttention(_ w: ForwardAttentionWeights, mla: MLASpec, rows m: Int) {
        let a = w.mixer, h = spec.hiddenSize, heads = a.heads, nope = mla.qkNopeHeadDim, rope = mla.qkRopeHeadDim
        let qk = nope + rope, dv = mla.vHeadDim, rank = mla.kvLoraRank, cacheWidth = rank + rope
        let width = w.dims.projection, qWidth = mla.qLoraRank ?? heads * qk
        let proj = scratch.buffer(.projection, m * width)
        timed("linear:qkv_a") {
            linear(normed.pointer, rows: m, weights: w.projection, bias: w.projectionBias, n: width, k: h, out: proj, ldOut: width)
        }
        let queries = scratch.buffer(.queries, m * heads * qk)
        if let up = w.queryUp, let qNorm = w.queryNorm, let qRank = mla.qLoraRank {
            let compressed = scratch.buffer(.auxiliary, m * qRank)
            timed("elementwise") {
                for r in 0..<m {
                    (compressed + r * qRank).update(from: proj + r * width, count: qRank)
                    rmsNormInPlace(compressed + r * qRank, count: qRank, weight: qNorm.pointer)
                }
            }
            timed("linear:q_b") {
                linear(compressed, rows: m, weights: up, bias: nil, n: heads * qk, k: qRank, out: queries, ldOut: heads * qk)
            }
        } else {
            timed("elementwise") { for r in 0..<m { (queries + r * heads * qk).update(from: proj + r * width, count: heads * qk) } }
        }
        let cache = w.keys.pointer
        timed("elementwise") {
            for r in 0..<m {
                let slot = cache + (position + r) * cacheWidth
                slot.update(from: proj + r * width + qWidth, count: cacheWidth)
                rmsNormInPlace(slot, count: rank, weight: w.latentNorm!.pointer)
            }
            rotate(queries + nope, rows: m, heads: heads, width: rope, headStride: qk, rowStride: heads * qk)
            rotate(cache + position * cacheWidth + rank, rows: m, heads: 1, width: rope, headStride: rope, rowStride: cacheWidth)
        }
        let attended = scratch.buffer(.mixed, m * heads * dv)
        if m == 1, latentDecode == .absorbed {
            absorbedDecode(w, mla: mla, queries: queries, out: attended)
        } else {
            expandedAttention(w, mla: mla, rows: m, queries: queries, out: attended)
        }
        timed("linear:attn_out") {
            linear(attended, rows: m, weights: w.out, bias: w.outBias, n: h, k: heads * dv, out: projected.pointer, ldOut: h)
        }
    }

    /// Prefill and naive decode: expand all cached latents to per-head keys and values, then attend per head.
    func expandedAttention(_ w: ForwardAttentionWeights, mla: MLASpec, rows m: Int, queries: UnsafeMutablePointer<Float>,
                           out: UnsafeMutablePointer<Float>) {
        let a = w.mixer, heads = a.heads, nope = mla.qkNopeHeadDim, rope = mla.qkRopeHeadDim, qk = nope + rope
        let dv = mla.vHeadDim, rank = mla.kvLoraRank, cacheWidth = rank + rope, perHead = nope + dv
        let tokens = position + m, cache = w.keys.pointer
        let expanded = scratch.buffer(.expanded, tokens * heads * perHead)
        timed("linear:kv_b") {
            linear(cache, rows: tokens, lda: cacheWidth, weights: w.latentUp!, bias: nil, n: heads * perHead, k: rank,
                   out: expanded, ldOut: heads * perHead)
        }
        let scores = scratch.buffer(.scores, max(128, heads) * w.capacity)
        let scale = 1 / Float(qk).squareRoot()
        timed("attention") {
            for r in 0..<m {
                let p = position + r, first = Self.firstToken(a.span, position: p)
                for head in 0..<heads {
                    let q = queries + (r * heads + head) * qk, base = expanded + first * heads * perHead + head * perHead
                    let row = AttendRow(
                        q1: q, k1: base, k1Stride: heads * perHead, width1: nope,
                        q2: q + nope, k2: cache + first * cacheWidth + rank, k2Stride: cacheWidth, width2: rope,
                        values: base + nope, valueStride: heads * perHead, valueWidth: dv,
                        count: p - first + 1, scale: scale, sink: w.sinks?.pointer[head])
                    row.run(out: out + (r * heads + head) * dv, scores: scores, exp: backend.exp)
                }
            }
        }
    }

    /// Absorbed decode of one row: q_lat = W_kbᵀ q_nope per head; attend over [latent | rotary key] with values
    /// the latent itself; out = W_vb · o_lat per head.
    func absorbedDecode(_ w: ForwardAttentionWeights, mla: MLASpec, queries: UnsafeMutablePointer<Float>,
                        out: UnsafeMutablePointer<Float>) {
        let a = w.mixer, heads = a.heads, nope = mla.qkNopeHeadDim, rope = mla.qkRopeHeadDim, qk = nope + rope
        let dv = mla.vHeadDim, rank = mla.kvLoraRank, cacheWidth = rank + rope, perHead = nope + dv
        let up = w.latentUp!.pointer, cache = w.keys.pointer
        let absorbed = scratch.buffer(.expanded, 2 * heads * rank)
        let latentOut = absorbed + heads * rank
        timed("linear:kv_b_absorbed") {
            for head in 0..<heads {
                let q = queries + head * qk, target = absorbed + head * rank
                for c in 0..<rank { target[c] = 0 }
                for i in 0..<nope {
                    let weight = up + (head * perHead + i) * rank, qi = q[i]
                    for c in 0..<rank { target[c] += qi * weight[c] }
                }
            }
        }
        let scores = scratch.buffer(.scores, max(128, heads) * w.capacity)
        let scale = 1 / Float(qk).squareRoot(), p = position, first = Self.firstToken(a.span, position: p)
        timed("attention") {
            for head in 0..<heads {
                let row = AttendRow(
                    q1: absorbed + head * rank, k1: cache + first * cacheWidth, k1Stride: cacheWidth, width1: rank,
                    q2: queries + head * qk + nope, k2: cache + first * cacheWidth + rank, k2Stride: cacheWidth, width2: rope,
                    values: cache + first * cacheWidth, valueStride: cacheWidth, valueWidth: rank,
                    count: p - first + 1, scale: scale, sink: w.sinks?.pointer[head])
                row.run(out: latentOut + head * rank, scores: scores, exp: backend.exp)
            }
        }
        timed("linear:kv_b_absorbed") {
            for head in 0..<heads {
                let o = latentOut + head * rank
                for j in 0..<dv {
                    let weight = up + (head * perHead + nope + j) * rank
                    var sum: Float = 0
                    for c in 0..<rank { sum += weight[c] * o[c] }
                    out[head * dv + j] = sum
                }
            }
        }
    }
}
