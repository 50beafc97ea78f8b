/// Predicted time of one forward phase, seconds, split by operator.
public struct PhasePrediction: Hashable, Codable, Sendable {
    public var seconds: Double
    /// Seconds per operator group (`linear:qkv`, `attention`, `elementwise`, `lm_head`).
    public var breakdown: [String: Double]
}

/// Predicts forward-pass latency from a calibration profile, per operator and shape: GEMM time from the
/// measured FLOP/s curve of the nearest profiled weight shape, interpolated in M; decode linears from the
/// GEMV bandwidth at the same shape (or the streaming GEMV probe); attention from the decode (bytes of KV/s)
/// and prefill (FLOP/s) curves, interpolated in context; elementwise work from the triad bandwidth.
public struct LatencyModel: Sendable {
    public let profile: CalibrationResult
    public let threads: Int
    /// Where the model had to use a different shape or thread count than asked (for the report).
    public internal(set) var notes: Set<String> = []

    public init(profile: CalibrationResult, threads: Int) {
        self.profile = profile
        let measured = Set(profile.gemm.map(\.threads))
        self.threads = measured.min { abs($0 - threads) < abs($1 - threads) } ?? threads
        if self.threads != threads { notes.insert("profile has no \(threads)-thread figures; used \(self.threads)") }
    }

    /// Seconds for x[m, k] · Wᵀ (W is n x k) with archcalc's packed GEMM.
    mutating func gemmSeconds(m: Int, n: Int, k: Int) -> Double {
        let points = profile.gemm.filter { $0.source == .archcalc && $0.threads == threads }
        let key = nearest(points.map { ($0.shape.n, $0.shape.k) }, n: n, k: k, what: "gemm")
        // GEMM throughput at a fixed weight shape does not fall as M grows (the kernel amortises packing over
        // more rows), so a dip in the profile is read as noise: the curve is the running maximum in M.
        var curve = points.filter { $0.shape.n == key.n && $0.shape.k == key.k }
            .map { (size: Double($0.shape.m), rate: $0.rate.sustained) }.sorted { $0.size < $1.size }
        for i in curve.indices.dropFirst() { curve[i].rate = max(curve[i].rate, curve[i - 1].rate) }
        guard let rate = Interpolation.rate(at: Double(m), points: curve) else { return 0 }
        return 2 * Double(m) * Double(n) * Double(k) / rate
    }

    /// Seconds for one fp32 GEMV over an n x k matrix streamed from memory.
    mutating func gemvSeconds(n: Int, k: Int) -> Double {
        let points = profile.gemv.filter { $0.format == .fp32 && $0.threads == threads }
        let key = nearest(points.map { ($0.n, $0.k) }, n: n, k: k, what: "gemv")
        guard let point = points.first(where: { $0.n == key.n && $0.k == key.k }), point.rate.sustained > 0 else { return 0 }
        return 4 * Double(n) * Double(k) / point.rate.sustained
    }

    /// Seconds for one layer's decode attention against `context` cached tokens.
    mutating func decodeAttentionSeconds(_ heads: AttentionHeads, context: Int) -> Double {
        let curve = attentionCurve(profile.attentionDecode, heads, what: "attention decode")
        guard let rate = Interpolation.rate(at: Double(context), points: curve) else { return 0 }
        return heads.kvBytes(tokens: context) / rate
    }

    /// Seconds for one layer's causal prefill attention over `tokens` tokens.
    mutating func prefillAttentionSeconds(_ heads: AttentionHeads, tokens: Int) -> Double {
        let curve = attentionCurve(profile.attentionPrefill, heads, what: "attention prefill")
        guard let rate = Interpolation.rate(at: Double(tokens), points: curve) else { return 0 }
        return heads.prefillFlops(tokens: tokens) / rate
    }

    /// Seconds to move `bytes` at the sustained 1-thread triad bandwidth: the norms, residual adds, rope,
    /// activations and MoE combines run on one thread whatever the thread count (`KernelBackend`'s layer ops).
    func streamSeconds(_ bytes: Double) -> Double {
        let triad = profile.bandwidth.filter { $0.kernel == .triad }
        let point = triad.first { $0.threads == 1 } ?? triad.min { $0.threads < $1.threads }
        guard let rate = point?.rate.sustained, rate > 0 else { return 0 }
        return bytes / rate
    }

    /// FLOP/s of a single-threaded plain loop, read as the 1-thread fp32 GEMV rate (2 FLOPs per 4-byte weight)
    /// of the largest profiled matrix; nil without 1-thread GEMV figures.
    func scalarFlopRate() -> Double? {
        let points = profile.gemv.filter { $0.format == .fp32 && $0.threads == 1 && $0.rate.sustained > 0 }
        guard let largest = points.max(by: { $0.n * $0.k < $1.n * $1.k }) else { return nil }
        return largest.rate.sustained / 2
    }

    /// Seconds for one attention layer's decode against `context` tokens, over the part its span reads.
    mutating func decodeAttentionSeconds(_ a: AttentionMixer, context: Int) -> Double {
        let visible = context - ForwardPass.firstToken(a.span, position: max(0, context - 1))
        return decodeAttentionSeconds(SpecShapes.heads(a), context: max(1, visible))
    }

    /// Seconds for one attention layer's causal prefill of `tokens`: the full-span figure scaled by the share
    /// of query-key pairs its span keeps; or, where the forward pass runs the decode kernel row by row (a
    /// sliding or chunked span past its first window, standard form, `kernels`: no sinks or ALiBi), each row's
    /// decode figure over the part of the cache it sees.
    mutating func prefillAttentionSeconds(_ a: AttentionMixer, tokens: Int, kernels: Bool) -> Double {
        if kernels, case .standard(_, let d, let dv) = a.form, d == dv, tokens > 0, ForwardPass.firstToken(a.span, position: tokens - 1) > 0 {
            let heads = SpecShapes.heads(a)
            var seconds = 0.0
            for p in 0..<tokens {
                seconds += decodeAttentionSeconds(heads, context: p - ForwardPass.firstToken(a.span, position: p) + 1)
            }
            return seconds
        }
        let full = prefillAttentionSeconds(SpecShapes.heads(a), tokens: tokens)
        let t = Double(tokens), all = t * (t + 1) / 2
        let kept: Double
        switch a.span {
        case .full: kept = all
        case .sliding(let window):
            let w = Double(min(max(1, window), tokens))
            kept = w * (w + 1) / 2 + (t - w) * w
        case .chunked(let size):
            let c = Double(min(max(1, size), tokens)), chunks = (t / c).rounded(.down), rest = t - chunks * c
            kept = chunks * c * (c + 1) / 2 + rest * (rest + 1) / 2
        }
        return all > 0 ? full * kept / all : 0
    }

    mutating func attentionCurve(_ all: [AttentionPoint], _ heads: AttentionHeads, what: String) -> [(size: Double, rate: Double)] {
        let mine = all.filter { $0.threads == threads }
        let same = mine.filter { $0.heads == heads }
        let chosen = same.isEmpty
            ? mine.min { distance($0.heads, heads) < distance($1.heads, heads) }.map { h in mine.filter { $0.heads == h.heads } } ?? []
            : same
        if same.isEmpty, let h = chosen.first?.heads {
            notes.insert("\(what): no \(heads.heads)/\(heads.kvHeads)x\(heads.headDim) figures; used \(h.heads)/\(h.kvHeads)x\(h.headDim) (run calibrate --spec)")
        }
        return chosen.map { (size: Double($0.tokens), rate: $0.rate.sustained) }
    }

    func distance(_ a: AttentionHeads, _ b: AttentionHeads) -> Double {
        abs(Interpolation.log2(Double(a.kvHeads * a.headDim)) - Interpolation.log2(Double(b.kvHeads * b.headDim)))
            + abs(Interpolation.log2(Double(a.heads)) - Interpolation.log2(Double(b.heads)))
    }

    /// The profiled (n, k) closest to the asked one in log space; notes when it is not exact.
    mutating func nearest(_ shapes: [(Int, Int)], n: Int, k: Int, what: String) -> (n: Int, k: Int) {
        func d(_ s: (Int, Int)) -> Double {
            abs(Interpolation.log2(Double(s.0)) - Interpolation.log2(Double(n)))
                + abs(Interpolation.log2(Double(s.1)) - Interpolation.log2(Double(k)))
        }
        guard let best = shapes.min(by: { d($0) < d($1) }) else { return (n, k) }
        if best != (n, k) { notes.insert("\(what) \(n)x\(k) not profiled; used \(best.0)x\(best.1) (run calibrate --spec)") }
        return best
    }
}
