/// The share of requests that meet every target, from the model's latency distributions.
enum Goodput {
    /// P(TTFT <= its target) x P(TPOT <= its target), treating the two as independent. TTFT: the prefill
    /// queue's wait distribution, averaged over the prompt-length grid (P(wait <= target - service - transfer)).
    /// TPOT: normal with the operating point's mean and standard deviation. The target is the p90 one when
    /// given, else the p50 one; a missing target counts as met.
    static func share(pools: [Pool], states: [SteadyState], targets: ServingTargets, transferBandwidth: Double)
        -> Double {
        var share = 1.0
        for (pool, state) in zip(pools, states) {
            if pool.role != .decode, let target = targets.ttftP90 ?? targets.ttftP50, let queue = pool.point.queue {
                let perToken = pool.role == .prefill
                    ? state.replica.kvBytesPerPromptToken / Double(pool.config.layout.pp) / transferBandwidth : 0
                let decodes = pool.role == .both ? pool.point.concurrency : 0
                var sum = 0.0
                for tokens in state.promptGrid {
                    let left = target - state.service(tokens, decodes: decodes) - tokens * perToken
                    sum += queue.waitProbability(atMost: left)
                }
                share *= sum / Double(SteadyState.gridSize)
            }
            if pool.role != .prefill, let target = targets.tpotP90 ?? targets.tpotP50 {
                let sd = pool.point.tpotSD, mean = pool.point.tpotP50
                share *= sd > 0 ? Normal.cdf((target - mean) / sd) : (mean <= target ? 1 : 0)
            }
        }
        return share
    }
}
