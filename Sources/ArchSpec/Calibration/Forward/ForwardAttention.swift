extension ForwardPass {
    /// Standard (MHA/GQA/MQA) attention over `m` normed rows, its output in `projected`: the fused projection
    /// [q | gate | k | v], q/k norms, rope, the cache write, attention over the layer's span, the sigmoid
    /// output gate, o_proj. Without sinks or ALiBi it runs the backend's attention kernels: the prefill kernel
    /// while every row sees the whole cache, else the decode kernel row by row over each row's part of the cache
    /// (sliding and chunked spans); sinks and ALiBi run `AttendRow`.
    func standardAttention(_ w: ForwardAttentionWeights, rows m: Int) {
        let a = w.mixer, h = spec.hiddenSize, d = a.headDim, dv = a.valueHeadDim, kv = a.kvHeads, heads = a.heads
        let width = w.dims.projection, qN = heads * d, kOffset = w.dims.queryWidth, vOffset = kOffset + kv * d
        let proj = scratch.buffer(.projection, m * width)
        timed("linear:qkv") {
            linear(normed.pointer, rows: m, weights: w.projection, bias: w.projectionBias, n: width, k: h, out: proj, ldOut: width)
        }
        let queries = scratch.buffer(.queries, m * qN)
        timed("elementwise") {
            if let norms = w.queryKeyNorm {
                let perHead = a.qkNorm == .head
                for r in 0..<m {
                    let row = proj + r * width
                    for g in 0..<(perHead ? heads : 1) { rmsNormInPlace(row + g * d, count: perHead ? d : qN, weight: norms.q.pointer) }
                    for g in 0..<(perHead ? kv : 1) { rmsNormInPlace(row + kOffset + g * d, count: perHead ? d : kv * d, weight: norms.k.pointer) }
                }
            }
            rotate(proj, rows: m, heads: heads, width: d, headStride: d, rowStride: width)
            rotate(proj + kOffset, rows: m, heads: kv, width: d, headStride: d, rowStride: width)
            let cap = w.capacity
            for r in 0..<m {
                let row = proj + r * width
                (queries + r * qN).update(from: row, count: qN)
                for g in 0..<kv {
                    (w.keys.pointer + (g * cap + cacheSlot(r)) * d).update(from: row + kOffset + g * d, count: d)
                    (w.values.pointer + (g * cap + cacheSlot(r)) * dv).update(from: row + vOffset + g * dv, count: dv)
                }
            }
        }
        let attended = scratch.buffer(.mixed, m * heads * dv)
        timed("attention") { attend(w, rows: m, queries: queries, out: attended) }
        if a.outputGate {
            timed("elementwise") {
                for r in 0..<m {
                    let gate = proj + r * width + qN, o = attended + r * heads * dv
                    for i in 0..<min(qN, heads * dv) { o[i] *= 1 / (1 + backend.exp(-gate[i])) }
                }
            }
        }
        timed("linear:attn_out") {
            linear(attended, rows: m, weights: w.out, bias: w.outBias, n: h, k: heads * dv, out: projected.pointer, ldOut: h)
        }
    }

    /// Attention of `m` query rows (positions position..<position+m) against the layer's cache.
    func attend(_ w: ForwardAttentionWeights, rows m: Int, queries: UnsafeMutablePointer<Float>, out: UnsafeMutablePointer<Float>) {
        let a = w.mixer, d = a.headDim, dv = a.valueHeadDim, kv = a.kvHeads, heads = a.heads, cap = w.capacity
        let alibi = spec.position.kind == .alibi
        let plain = d == dv && w.sinks == nil && !alibi
        let scores = scratch.buffer(.scores, max(128, heads) * cap)
        if sequenceStride > 0, plain {
            // A batched decode step: row r is sequence r, whose cache starts at slot r·sequenceStride (only plain
            // layers batch; a one-sequence step of a layer with sinks or ALiBi takes the paths below).
            let first = Self.firstToken(a.span, position: position)
            for r in 0..<m {
                let base = r * sequenceStride + first
                backend.attentionDecode(q: queries + r * heads * d, keys: w.keys.pointer + base * d, values: w.values.pointer + base * d,
                                        tokens: position - first + 1, heads: heads, kvHeads: kv, headDim: d, capacity: cap,
                                        out: out + r * heads * dv, scores: scores)
            }
            return
        }
        let last = position + m - 1
        if plain, m == 1 {
            let first = Self.firstToken(a.span, position: last)
            backend.attentionDecode(q: queries, keys: w.keys.pointer + first * d, values: w.values.pointer + first * d,
                                    tokens: last - first + 1, heads: heads, kvHeads: kv, headDim: d, capacity: cap,
                                    out: out, scores: scores)
            return
        }
        if plain, Self.firstToken(a.span, position: last) == 0 {
            backend.attentionPrefill(q: queries, keys: w.keys.pointer, values: w.values.pointer, tokens: m, heads: heads,
                                     kvHeads: kv, headDim: d, capacity: cap, out: out, scores: scores)
            return
        }
        if plain {
            // A sliding or chunked span past its first window: the prefill kernel is causal over the whole cache, so
            // each row attends its own part of the cache with the decode kernel (vectorised, where AttendRow is a
            // plain loop: the sliding validation spec's attention in a 256-token prefill, 1 thread, took 179 ms on
            // AttendRow and 71 ms on the kernel, `validate S --context 256 --decode-steps 16 --threads 1`).
            for r in 0..<m {
                let p = position + r, first = Self.firstToken(a.span, position: p)
                backend.attentionDecode(q: queries + r * heads * d, keys: w.keys.pointer + first * d,
                                        values: w.values.pointer + first * d, tokens: p - first + 1, heads: heads,
                                        kvHeads: kv, headDim: d, capacity: cap, out: out + r * heads * dv, scores: scores)
            }
            return
        }
        let slopes = alibi ? Self.alibiSlopes(heads) : [], group = max(1, heads / max(1, kv)), scale = 1 / Float(d).squareRoot()
        for r in 0..<m {
            let p = position + r, first = Self.firstToken(a.span, position: p)
            for head in 0..<heads {
                let g = min(head / group, kv - 1)
                let row = AttendRow(
                    q1: queries + (r * heads + head) * d, k1: w.keys.pointer + (g * cap + first) * d, k1Stride: d, width1: d,
                    values: w.values.pointer + (g * cap + first) * dv, valueStride: dv, valueWidth: dv,
                    count: p - first + 1, scale: scale, slope: alibi ? slopes[head] : 0, offset: first - p,
                    sink: w.sinks?.pointer[head])
                row.run(out: out + (r * heads + head) * dv, scores: scores, exp: backend.exp)
            }
        }
    }
}
