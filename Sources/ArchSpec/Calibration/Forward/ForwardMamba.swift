extension ForwardPass {
    /// Mamba (v1) over `m` rows whose in_proj output [x | z] is in `proj`: the convolution (then SiLU) row by row,
    /// x_proj over all rows (dt_low | B | C), dt_proj with its bias, then the selective scan per row:
    /// S[c][n] ← exp(dt[c]·A[c][n])·S + dt[c]·B[n]·x[c], y[c] = C·S[c] + D[c]·x[c], y · silu(z).
    func mambaMixer(_ w: ForwardRecurrentWeights, _ s: SSMSpec, rows m: Int, proj: UnsafeMutablePointer<Float>,
                    aux: UnsafeMutablePointer<Float>, out: UnsafeMutablePointer<Float>) {
        let inner = s.innerSize, n = s.stateSize, rank = s.dtRank, stride = w.sizes.projection, auxWidth = w.sizes.auxiliary
        timed("scan:mamba") { for r in 0..<m { convolve(w, proj + r * stride, silu: true) } }
        timed("linear:x_proj") {
            linear(proj, rows: m, lda: stride, weights: w.auxProj!, bias: nil, n: auxWidth, k: inner, out: aux, ldOut: auxWidth)
        }
        if s.innerNorms {
            let ones = scratch.buffer(.gateValues, max(rank, n))
            ones.update(repeating: 1, count: max(rank, n))
            timed("elementwise") {
                for r in 0..<m {
                    let row = aux + r * auxWidth
                    rmsNormInPlace(row, count: rank, weight: ones)
                    rmsNormInPlace(row + rank, count: n, weight: ones)
                    rmsNormInPlace(row + rank + n, count: n, weight: ones)
                }
            }
        }
        let dt = scratch.buffer(.expanded, m * inner)
        timed("linear:dt_proj") {
            linear(aux, rows: m, lda: auxWidth, weights: w.dtProj!, bias: w.dtBias, n: inner, k: rank, out: dt, ldOut: inner)
        }
        timed("scan:mamba") {
            for r in 0..<m {
                let x = proj + r * stride, z = x + inner, b = aux + r * auxWidth + rank, c = b + n
                let step = dt + r * inner, y = out + r * inner
                for ch in 0..<inner {
                    let delta = softplus(step[ch]), xv = x[ch], state = w.state.pointer + ch * n, a = w.aLog.pointer + ch * n
                    var sum: Float = 0
                    for i in 0..<n {
                        state[i] = backend.exp(-delta * backend.exp(a[i])) * state[i] + delta * b[i] * xv
                        sum += state[i] * c[i]
                    }
                    y[ch] = (sum + w.skip.pointer[ch] * xv) * (z[ch] / (1 + backend.exp(-z[ch])))
                }
            }
        }
    }
}
