/// Times whole prefill and decode steps of a spec's forward pass on a `StepPlan` grid and fits the surfaces.
///
/// Rounds interleave the grid: every round times each point once, starting one point later than the round
/// before, prefill and decode points alternating, so a change in the host hits every point alike; between
/// rounds a drift probe (one GEMV over the embedding matrix, streamed from memory) is timed. Every sample is
/// kept with the other processes' CPU use around it (`Harness`'s /proc/stat interference); a disturbed
/// sample is run again (`retries`) and both are kept, the disturbed one left out of the dispersion.
/// Decode steps are timed at a context by moving the cache position without filling the cache (the kernels'
/// time does not depend on the cached values; the caches are written through at allocation, so no step reads
/// the mapping's shared zero page); a batch of sequences decodes together
/// (`ForwardPass.decodeBatch`) where the spec's layers allow it.
public enum StepSampler {
    /// - Parameters:
    ///   - memoryLimit: Bytes the pass may use (default 80% of available memory); the grid loses its largest
    ///     points until it fits.
    ///   - progress: Called once per round.
    /// - Throws: `CalibrationError.invalid` for a spec the forward pass cannot run or a bad grid;
    ///   `.tooLarge` when even the smallest grid does not fit in memory.
    public static func run(
        spec: ArchitectureSpec, plan requested: StepPlan, threads: Int, variant: KernelVariant = .best(),
        memoryLimit: Int? = nil, progress: (String) -> Void = { _ in }
    ) throws -> StepProfile {
        try requested.check()
        var plan = requested
        let missing = ForwardPass.unsupportedFeatures(spec, tokens: plan.capacity)
        guard missing.isEmpty else {
            throw CalibrationError.invalid("no step surface for \(spec.name): its forward pass lacks \(missing.joined(separator: ", "))")
        }
        let limit = Int128(memoryLimit ?? Validator.availableMemory() * 8 / 10)
        while (ForwardWeights.bytesNeeded(spec, capacity: plan.capacity, prefill: plan.maxRows) ?? limit + 1) > limit {
            guard let smaller = plan.trimmed(forMemory: true) else {
                throw CalibrationError.tooLarge("no step surface for \(spec.name): its fp32 weights and cache do not fit in memory")
            }
            plan = smaller
        }
        let pass = ForwardPass(spec: spec, backend: KernelBackend(variant: variant, threads: threads),
                               capacity: plan.capacity, maxRows: plan.maxRows)
        var notes: [String] = []
        // Warm-up, thrown away, which also sizes the grid to the budget: the smallest prefill and a decode step
        // once (first calls grow buffers), then each prefill length in increasing order while the warm-up has
        // used under a quarter of the budget (lengths not reached are estimated in proportion to their tokens),
        // and decode steps of the largest batch at the shortest and the longest context.
        let clock = ContinuousClock()
        let batch = plan.decodeBatches.max() ?? 1, shortest = plan.decodeContexts[0], longest = plan.decodeContexts.last ?? shortest
        _ = try time(pass, prefill: plan.prefillTokens[0])
        _ = try time(pass, decode: batch, at: shortest)
        var prefillCost: [(tokens: Int, seconds: Double)] = []
        let warmStart = clock.now
        for n in plan.prefillTokens where prefillCost.isEmpty || seconds(clock.now - warmStart) < plan.budgetSeconds / 4 {
            prefillCost.append((n, try time(pass, prefill: n)))
        }
        let decodeCost = (try time(pass, decode: batch, at: shortest) + time(pass, decode: batch, at: longest)) / 2
        func roundEstimate(_ p: StepPlan) -> Double {
            p.prefillTokens.map { n in
                prefillCost.first { $0.tokens == n }?.seconds
                    ?? prefillCost.last.map { $0.seconds * Double(n) / Double($0.tokens) } ?? 0
            }.reduce(0, +) + Double(p.decodeBatches.count * p.decodeContexts.count) * decodeCost
        }
        while roundEstimate(plan) > plan.budgetSeconds / 2, let smaller = plan.trimmed(forMemory: false) { plan = smaller }
        if plan != requested {
            func list(_ v: [Int]) -> String { v.map(String.init).joined(separator: ",") }
            notes.append("grid trimmed to fit memory and the \(HumanUnits.fixed(plan.budgetSeconds, decimals: 0)) s budget: prefill "
                         + "\(list(plan.prefillTokens)), decode batches \(list(plan.decodeBatches)) at \(list(plan.decodeContexts))")
        }
        if plan.decodeBatches == [1], !ForwardPass.batchesDecode(spec) {
            notes.append("decode measured for one sequence: the pass batches only standard attention without sinks or ALiBi")
        }
        let grid = StepGridRun(plan: plan)
        let start = clock.now
        var sentinel = SampleLog()
        var rounds = 0, lastRound = 0.0
        while rounds < plan.rounds {
            let elapsed = seconds(clock.now - start)
            if rounds > 0 && elapsed + lastRound > plan.budgetSeconds { break }
            progress("steps \(spec.name) round \(rounds + 1), \(threads) thread\(threads == 1 ? "" : "s")")
            let roundStart = clock.now
            for index in grid.order(round: rounds) {
                let point = grid.points[index]
                var attempt = 0
                repeat {
                    let load = SystemLoadSample.now()
                    let t = point.prefill ? try time(pass, prefill: point.size) : try time(pass, decode: point.batch, at: point.size)
                    let seen = Interference(from: load, to: .now(), wall: t)
                    grid.logs[index].add(t, seen)
                    attempt += 1
                    if !seen.isContaminated { break }
                } while attempt <= plan.retries
            }
            let load = SystemLoadSample.now()
            let t = sentinelSeconds(pass)
            sentinel.add(t, Interference(from: load, to: .now(), wall: t))
            lastRound = seconds(clock.now - roundStart)
            rounds += 1
        }
        if rounds < plan.rounds { notes.append("\(rounds) of \(plan.rounds) rounds fit the budget") }
        for skipped in rounds..<max(rounds, plan.rounds) {  // so a progress bar counting plan.rounds ends full
            progress("steps \(spec.name) round \(skipped + 1) skipped: budget spent")
        }
        return StepProfile(
            model: StepProfile.modelName, spec: spec.name, fingerprint: StepProfile.fingerprint(spec), threads: pass.backend.threads,
            prefill: grid.grid(prefill: true), decode: grid.grid(prefill: false),
            sentinel: sentinel.point(batch: 1, size: spec.vocabSize), rounds: rounds,
            elapsedSeconds: (seconds(clock.now - start) * 1000).rounded() / 1000, budgetSeconds: plan.budgetSeconds, notes: notes)
    }

    /// Seconds of one prefill of `tokens` tokens from an empty cache.
    static func time(_ pass: ForwardPass, prefill tokens: Int) throws -> Double {
        pass.reset()
        let prompt = (0..<tokens).map { ($0 * 7919 + 13) % max(1, pass.spec.vocabSize) }
        let clock = ContinuousClock(), start = clock.now
        consume(try pass.forward(prompt))
        return seconds(clock.now - start)
    }

    /// Seconds of one decode step of `batch` sequences with `context` tokens in each cache.
    static func time(_ pass: ForwardPass, decode batch: Int, at context: Int) throws -> Double {
        pass.reset()
        let clock = ContinuousClock(), start = clock.now
        consume(try pass.decodeBatch(batch, context: context))
        return seconds(clock.now - start)
    }

    /// Seconds of one fp32 GEMV over the embedding matrix (vocabulary x hidden), the drift probe.
    static func sentinelSeconds(_ pass: ForwardPass) -> Double {
        let h = pass.spec.hiddenSize, v = pass.spec.vocabSize
        let clock = ContinuousClock(), start = clock.now
        pass.backend.gemvF32(n: v, k: h, w: pass.weights.embedding.pointer, x: pass.normed.pointer, y: pass.logits.pointer)
        let t = seconds(clock.now - start)
        consume(pass.logits.pointer[0])
        return t
    }
}
