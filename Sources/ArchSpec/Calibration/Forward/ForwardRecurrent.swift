#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ForwardPass {
    /// A recurrent mixer over `m` normed rows, its output in `projected`: the input projections as one GEMM (a
    /// GEMV at decode), then the convolution and the scan token by token (the same step in prefill and decode,
    /// so prefill(n) equals prefill(n-1) then one decode step), then out_proj. Timed as `linear:in_proj`,
    /// `linear:<aux>`, `scan:<kind>` and `linear:out_proj`.
    func recurrentMixer(_ w: ForwardRecurrentWeights, rows m: Int) {
        let h = spec.hiddenSize, s = w.sizes
        let proj = scratch.buffer(.projection, m * s.projection)
        timed("linear:in_proj") {
            linear(normed.pointer, rows: m, weights: w.inProj, bias: w.inBias, n: s.projection, k: h, out: proj, ldOut: s.projection)
        }
        let aux = scratch.buffer(.auxiliary, m * max(1, s.auxiliary))
        let mixed = scratch.buffer(.mixed, m * s.inner)
        switch w.kind {
        case .gatedDeltaNet(let l):
            timed("linear:ba") { linear(normed.pointer, rows: m, weights: w.auxProj!, bias: nil, n: s.auxiliary, k: h, out: aux, ldOut: s.auxiliary) }
            timed("scan:gated_deltanet") {
                for r in 0..<m {
                    let row = proj + r * s.projection
                    convolve(w, row, silu: true)
                    deltaStep(w, l, row: row, ba: aux + r * s.auxiliary, out: mixed + r * s.inner)
                }
            }
        case .lightning(let l):
            timed("linear:out_gate") { linear(normed.pointer, rows: m, weights: w.auxProj!, bias: nil, n: s.auxiliary, k: h, out: aux, ldOut: s.auxiliary) }
            timed("scan:lightning") {
                for r in 0..<m { lightningStep(w, l, row: proj + r * s.projection, gate: aux + r * s.auxiliary, out: mixed + r * s.inner) }
            }
        case .mamba(let ssm):
            mambaMixer(w, ssm, rows: m, proj: proj, aux: aux, out: mixed)
        case .mamba2(let ssm):
            timed("scan:mamba2") {
                for r in 0..<m {
                    let row = proj + r * s.projection
                    convolve(w, row + ssm.innerSize, silu: true)
                    mamba2Step(w, ssm, row: row, out: mixed + r * s.inner)
                }
            }
        case .shortConv:
            timed("scan:short_conv") {
                for r in 0..<m {
                    let row = proj + r * s.projection, out = mixed + r * s.inner
                    for c in 0..<h { out[c] = row[c] * row[2 * h + c] }  // B · x
                    convolve(w, out, silu: false)
                    for c in 0..<h { out[c] *= row[h + c] }  // C · conv(B · x)
                }
            }
        }
        timed("linear:out_proj") {
            linear(mixed, rows: m, weights: w.outProj, bias: w.outBias, n: h, k: s.inner, out: projected.pointer, ldOut: h)
        }
    }

    /// One step of the depthwise causal convolution over `convChannels` values at `row`, in place, with the
    /// last taps - 1 inputs kept in `history`; then SiLU when asked.
    func convolve(_ w: ForwardRecurrentWeights, _ row: UnsafeMutablePointer<Float>, silu: Bool) {
        let channels = w.sizes.convChannels, taps = w.sizes.convKernel
        guard channels > 0, taps >= 1, let kernel = w.conv?.pointer else { return }
        let past = taps - 1, history = w.history.pointer
        for c in 0..<channels {
            let input = row[c], weights = kernel + c * taps
            var sum = (w.convBias?.pointer[c] ?? 0) + weights[past] * input
            for i in 0..<past { sum += weights[i] * history[i * channels + c] }
            if past > 0 {
                for i in 0..<(past - 1) { history[i * channels + c] = history[(i + 1) * channels + c] }
                history[(past - 1) * channels + c] = input
            }
            row[c] = silu ? sum / (1 + backend.exp(-sum)) : sum
        }
    }

    /// Gated DeltaNet's step: l2-normed q, k per key head; per value head S ← S·exp(g), S ← S + k ⊗ β(v − Sᵀk),
    /// o = Sᵀq / √dk; then o = rmsnorm(o) · w · silu(z). Row layout [q | k | v | z], ba = [b | a].
    func deltaStep(_ w: ForwardRecurrentWeights, _ l: LinearAttentionSpec, row: UnsafeMutablePointer<Float>,
                   ba: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>) {
        let dk = l.keyHeadDim, dv = l.valueHeadDim, hk = l.keyHeads, hv = l.valueHeads
        let q = row, k = row + hk * dk, v = row + 2 * hk * dk, z = v + hv * dv
        for head in 0..<hk {
            l2Normalize(q + head * dk, count: dk, scale: 1 / Float(dk).squareRoot())
            l2Normalize(k + head * dk, count: dk, scale: 1)
        }
        let ratio = max(1, hv / max(1, hk))
        for head in 0..<hv {
            let kh = min(head / ratio, hk - 1), qh = q + kh * dk, kk = k + kh * dk, vh = v + head * dv
            let beta = 1 / (1 + backend.exp(-ba[head]))
            let g = -backend.exp(w.aLog.pointer[head]) * softplus(ba[hv + head] + (w.dtBias?.pointer[head] ?? 0))
            let decay = backend.exp(g), s = w.state.pointer + head * dk * dv, o = out + head * dv
            for i in 0..<(dk * dv) { s[i] *= decay }
            for j in 0..<dv { o[j] = 0 }
            for i in 0..<dk { for j in 0..<dv { o[j] += s[i * dv + j] * kk[i] } }  // Sᵀk
            for j in 0..<dv { o[j] = (vh[j] - o[j]) * beta }  // δ
            for i in 0..<dk { for j in 0..<dv { s[i * dv + j] += kk[i] * o[j] } }
            for j in 0..<dv { o[j] = 0 }
            for i in 0..<dk { for j in 0..<dv { o[j] += s[i * dv + j] * qh[i] } }  // Sᵀq
            rmsNormInPlace(o, count: dv, weight: w.normWeight.pointer)
            for j in 0..<dv { o[j] *= z[head * dv + j] / (1 + backend.exp(-z[head * dv + j])) }
        }
    }

    /// Lightning attention's step: silu(q, k, v); per head S ← λ·S + kᵀv, o = qS with λ = exp(−slope); then
    /// rmsnorm over heads x head_dim and a sigmoid output gate.
    func lightningStep(_ w: ForwardRecurrentWeights, _ l: LinearAttentionSpec, row: UnsafeMutablePointer<Float>,
                       gate: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>) {
        let d = l.keyHeadDim, heads = l.keyHeads, width = heads * d
        for i in 0..<(3 * width) { row[i] = row[i] / (1 + backend.exp(-row[i])) }
        let slopes = Self.alibiSlopes(heads)
        for head in 0..<heads {
            let q = row + head * d, k = row + width + head * d, v = row + 2 * width + head * d
            let s = w.state.pointer + head * d * d, o = out + head * d, decay = backend.exp(-slopes[head])
            for i in 0..<d { for j in 0..<d { s[i * d + j] = decay * s[i * d + j] + k[i] * v[j] } }
            for j in 0..<d { o[j] = 0 }
            for i in 0..<d { for j in 0..<d { o[j] += q[i] * s[i * d + j] } }
        }
        rmsNormInPlace(out, count: width, weight: w.normWeight.pointer)
        for i in 0..<width { out[i] *= 1 / (1 + backend.exp(-gate[i])) }
    }

    /// Mamba-2's step on one row [z | x B C (convolved) | dt]: per head dt = softplus(dt + bias), a = exp(dt·A);
    /// S[p][n] ← a·S + dt·x[p]·B[n], y[p] = C·S[p] + D·x[p]; then y · silu(z), rmsnorm per group.
    func mamba2Step(_ w: ForwardRecurrentWeights, _ s: SSMSpec, row: UnsafeMutablePointer<Float>, out: UnsafeMutablePointer<Float>) {
        let inner = s.innerSize, n = s.stateSize, p = s.headDim, groups = max(1, s.groups)
        let z = row, x = row + inner, b = x + inner, c = b + groups * n, dt = c + groups * n
        let perGroup = max(1, s.heads / groups)
        for head in 0..<s.heads {
            let g = min(head / perGroup, groups - 1), bg = b + g * n, cg = c + g * n
            let step = softplus(dt[head] + (w.dtBias?.pointer[head] ?? 0))
            let a = backend.exp(-backend.exp(w.aLog.pointer[head]) * step)
            for j in 0..<p {
                let xv = x[head * p + j], state = w.state.pointer + (head * p + j) * n
                var y: Float = 0
                for i in 0..<n {
                    state[i] = a * state[i] + step * xv * bg[i]
                    y += cg[i] * state[i]
                }
                out[head * p + j] = y + w.skip.pointer[head] * xv
            }
        }
        for i in 0..<inner { out[i] *= z[i] / (1 + backend.exp(-z[i])) }
        let groupWidth = max(1, inner / groups)
        for g in 0..<(inner / groupWidth) {
            rmsNormInPlace(out + g * groupWidth, count: groupWidth, weight: w.normWeight.pointer + g * groupWidth)
        }
    }

    /// softplus(x) = log(1 + eˣ), linear above 20.
    func softplus(_ x: Float) -> Float { x > 20 ? x : Float(log1p(Double(backend.exp(x)))) }

    /// x ← x / ‖x‖ · scale.
    func l2Normalize(_ x: UnsafeMutablePointer<Float>, count: Int, scale: Float) {
        var sum: Float = 0
        for i in 0..<count { sum += x[i] * x[i] }
        let factor = scale / (sum + 1e-6).squareRoot()
        for i in 0..<count { x[i] *= factor }
    }

    /// x ← x / rms(x) · weight (ε = 1e-5).
    func rmsNormInPlace(_ x: UnsafeMutablePointer<Float>, count: Int, weight: UnsafePointer<Float>) {
        guard count > 0 else { return }
        var sum: Float = 0
        for i in 0..<count { sum += x[i] * x[i] }
        let factor = 1 / (sum / Float(count) + 1e-5).squareRoot()
        for i in 0..<count { x[i] *= factor * weight[i] }
    }
}
