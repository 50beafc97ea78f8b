
/// Continuous batching in steady state, analytically (no simulation): Little's law for the decoding
/// concurrency, the mean step of a mixed batch, and an M/G/1 prefill server for the time to first token.
/// Every formula is stated in docs/serving.md, "The model".
struct SteadyState {
    var replica: Replica
    var workload: ServingWorkload
    /// Prompt lengths at the grid's quantiles, tokens.
    var promptGrid: [Double]

    init(replica: Replica, workload: ServingWorkload) {
        self.replica = replica
        self.workload = workload
        promptGrid = (0..<Self.gridSize).map { workload.input.quantile((Double($0) + 0.5) / Double(Self.gridSize)) }
    }

    /// Quantile grid over prompt lengths for E[S], E[S^2] and goodput: midpoints of `gridSize` equal slices.
    static let gridSize = 32
    /// z of the 90th percentile.
    static let z90 = 1.2815515655446004

    var chunk: Double { Double(replica.config.chunk) }
    var computed: Double { workload.computedPromptTokens }
    var capacity: Double { Double(replica.maxConcurrency) }

    /// Decode-only and full-chunk step times at concurrency `n`.
    func steps(_ n: Double) -> (decode: Double, chunk: Double) {
        (replica.timer.seconds(BatchStep(prefillTokens: 0, decodes: n)),
         replica.timer.seconds(BatchStep(prefillTokens: chunk, decodes: n)))
    }

    /// Mean step with chunks in a share q = rate T E[prompt'] / C of steps:
    /// T = T0 / (1 - rate E[prompt'] (TC - T0) / C); infinite when the denominator is not positive.
    func meanStep(_ n: Double, rate: Double, prefill: Bool) -> Double {
        let (t0, tc) = steps(n)
        guard prefill else { return t0 }
        let denominator = 1 - rate * computed * (tc - t0) / chunk
        return denominator > 0 ? t0 / denominator : .infinity
    }

    /// The concurrency n with n = rate E[output] T(n), by bisection on [0, max concurrency]; `nil` when memory
    /// holds fewer sequences than the rate needs (or the chunks cannot keep up at any n that fits).
    func concurrency(rate: Double, prefill: Bool) -> Double? {
        let out = workload.output.mean
        let excess = { (n: Double) -> Double in rate * out * meanStep(n, rate: rate, prefill: prefill) - n }
        guard capacity >= 1, excess(capacity) <= 0 else { return nil }
        var low = 0.0, high = capacity
        for _ in 0..<60 where high - low > 1e-4 * max(1, high) {
            let mid = (low + high) / 2
            if excess(mid) > 0 { low = mid } else { high = mid }
        }
        return high
    }

    /// Prefill service time of a prompt of `tokens` at concurrency `n`: ceil-free chunks, each a step of
    /// min(prompt', C) tokens beside `n` decodes: T(min(p', C), n) x max(1, p' / C).
    func service(_ tokens: Double, decodes n: Double) -> Double {
        let computedTokens = max(1, tokens * (1 - workload.prefixHitRate))
        let step = replica.timer.seconds(BatchStep(prefillTokens: min(computedTokens, chunk), decodes: n))
        return step * max(1, computedTokens / chunk)
    }

    /// The prefill queue at `rate` with `n` decodes beside each chunk.
    func queue(rate: Double, decodes n: Double) -> MG1Queue {
        var sum = 0.0, squares = 0.0
        var last: (tokens: Double, seconds: Double)?
        for tokens in promptGrid {
            let s = last?.tokens == tokens ? last!.seconds : service(tokens, decodes: n)
            last = (tokens, s)
            sum += s
            squares += s * s
        }
        let count = Double(Self.gridSize)
        return MG1Queue(rate: rate, meanService: sum / count, secondMoment: squares / count)
    }

    /// TTFT at percentile p: the wait's quantile plus the service of the p-quantile prompt (+ KV transfer).
    func ttft(_ p: Double, queue: MG1Queue, decodes n: Double, transferPerToken: Double) -> Double {
        let tokens = workload.input.quantile(p)
        return queue.waitQuantile(p) + service(tokens, decodes: n) + tokens * transferPerToken
    }

    /// An aggregated replica at `rate` requests/s, or why it cannot keep up.
    func aggregated(rate: Double) -> Result<OperatingPoint, Shortfall> {
        guard let n = concurrency(rate: rate, prefill: true) else { return .failure(Shortfall(saturation(rate, prefill: true))) }
        let (t0, tc) = steps(n)
        let mean = meanStep(n, rate: rate, prefill: true)
        let share = min(1, rate * mean * computed / chunk)
        let queue = queue(rate: rate, decodes: n)
        guard queue.utilisation < 1 else { return .failure(Shortfall(prefillSaturated(queue))) }
        let sd = (tc - t0) * (share * (1 - share) / max(1, workload.output.quantile(0.5))).squareRoot()
        var point = OperatingPoint(
            requestRate: rate, concurrency: n, stepSeconds: mean, decodeStepSeconds: t0, chunkStepSeconds: tc,
            chunkShare: share, prefillUtilisation: queue.utilisation,
            ttftP50: ttft(0.5, queue: queue, decodes: n, transferPerToken: 0),
            ttftP90: ttft(0.9, queue: queue, decodes: n, transferPerToken: 0),
            tpotP50: mean, tpotP90: mean + Self.z90 * sd)
        point.queue = queue
        point.tpotSD = sd
        return .success(point)
    }

    /// A prefill-only replica (disaggregated) at `rate`: chunks without decodes, then the KV sent at `bandwidth`.
    func prefillPool(rate: Double, bandwidth: Double) -> Result<OperatingPoint, Shortfall> {
        let queue = queue(rate: rate, decodes: 0)
        guard queue.utilisation < 1 else { return .failure(Shortfall(prefillSaturated(queue))) }
        let perToken = replica.kvBytesPerPromptToken / Double(replica.config.layout.pp) / bandwidth
        let (_, tc) = steps(0)
        var point = OperatingPoint(
            requestRate: rate, concurrency: 0, stepSeconds: tc, decodeStepSeconds: 0, chunkStepSeconds: tc,
            chunkShare: 1, prefillUtilisation: queue.utilisation,
            ttftP50: ttft(0.5, queue: queue, decodes: 0, transferPerToken: perToken),
            ttftP90: ttft(0.9, queue: queue, decodes: 0, transferPerToken: perToken),
            tpotP50: 0, tpotP90: 0, kvTransferSeconds: workload.input.quantile(0.5) * perToken)
        point.queue = queue
        return .success(point)
    }

    /// A decode-only replica (disaggregated) at `rate`: every step is a decode step, TPOT = T0(n).
    func decodePool(rate: Double) -> Result<OperatingPoint, Shortfall> {
        guard let n = concurrency(rate: rate, prefill: false) else { return .failure(Shortfall(saturation(rate, prefill: false))) }
        let t0 = steps(n).decode
        return .success(OperatingPoint(
            requestRate: rate, concurrency: n, stepSeconds: t0, decodeStepSeconds: t0, chunkStepSeconds: 0,
            chunkShare: 0, prefillUtilisation: 0, ttftP50: 0, ttftP90: 0, tpotP50: t0, tpotP90: t0))
    }

    func saturation(_ rate: Double, prefill: Bool) -> String {
        guard capacity >= 1 else { return "memory holds no sequence of the mean live context" }
        let (t0, tc) = steps(capacity)
        let load = prefill ? rate * computed * (tc - t0) / chunk : 0
        if load >= 1 {
            return "prefill cannot keep up: \(ServingNumbers.plain(rate)) requests/s x "
                + "\(ServingNumbers.plain(computed)) prompt tokens take \(HumanUnits.significant(load)) s of chunk time "
                + "per second (chunks of \(replica.config.chunk))"
        }
        let t = meanStep(capacity, rate: rate, prefill: prefill)
        return "needs over \(replica.maxConcurrency) concurrent sequences at \(ServingNumbers.plain(rate)) requests/s "
            + "(the KV cache holds \(replica.maxConcurrency); steps would average \(HumanUnits.seconds(t)))"
    }

    func prefillSaturated(_ queue: MG1Queue) -> String {
        "prefill saturated: utilisation \(HumanUnits.significant(queue.utilisation)) >= 1 at "
            + "\(ServingNumbers.plain(queue.rate)) requests/s"
    }
}
