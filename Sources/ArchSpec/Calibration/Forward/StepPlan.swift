/// The grid and the time bound of a forward-step calibration (`calibrate --spec`).
public struct StepPlan: Hashable, Sendable {
    /// Prompt lengths of the timed prefills (one sequence, from an empty cache), tokens.
    public var prefillTokens: [Int]
    /// Sequences per timed decode step (1 only for specs whose pass decodes one sequence: MLA, recurrent mixers,
    /// sinks, ALiBi).
    public var decodeBatches: [Int]
    /// Cached tokens per sequence before each timed decode step.
    public var decodeContexts: [Int]
    /// Rounds over the whole grid at most (each round times every point once).
    public var rounds: Int
    /// Seconds the rounds may take (a round starts only when the one before leaves room for it; the first
    /// always runs, on a grid trimmed so that its estimated time is half the budget).
    public var budgetSeconds: Double
    /// Extra runs of a sample that other processes or the hypervisor disturbed (each kept), per sample.
    public var retries: Int

    public init(prefillTokens: [Int], decodeBatches: [Int] = [1], decodeContexts: [Int], rounds: Int, budgetSeconds: Double,
                retries: Int) {
        self.prefillTokens = prefillTokens
        self.decodeBatches = decodeBatches
        self.decodeContexts = decodeContexts
        self.rounds = rounds
        self.budgetSeconds = budgetSeconds
        self.retries = retries
    }

    /// Quick: prefills of 16, 64, 256 tokens, decode of 1 and 4 sequences at 64, 512, 4096 tokens, 3 rounds in
    /// 4 s. Full: 16...512 tokens, 1, 2, 4, 8 sequences at 64...8192 tokens, 7 rounds in 40 s. Lengths and
    /// contexts stop at the spec's context length.
    public static func make(spec: ArchitectureSpec, quick: Bool) -> StepPlan {
        let limit = max(2, spec.contextLength)
        let prefill = (quick ? [16, 64, 256] : [16, 32, 64, 128, 256, 512]).filter { $0 <= limit }
        let decode = (quick ? [64, 512, 4096] : [64, 256, 1024, 4096, 8192]).filter { $0 < limit }
        let batches = ForwardPass.batchesDecode(spec) ? (quick ? [1, 4] : [1, 2, 4, 8]) : [1]
        return StepPlan(prefillTokens: prefill.isEmpty ? [limit] : prefill, decodeBatches: batches,
                        decodeContexts: decode.isEmpty ? [limit - 1] : decode,
                        rounds: quick ? 3 : 7, budgetSeconds: quick ? 4 : 40, retries: 1)
    }

    /// KV-cache slots the pass needs: the longest prefill, or every sequence of the largest decode batch at the
    /// longest context plus its decoded token.
    var capacity: Int { max(prefillTokens.max() ?? 1, (decodeBatches.max() ?? 1) * ((decodeContexts.max() ?? 0) + 1)) }

    /// Rows one call of the pass takes at most.
    var maxRows: Int { max(prefillTokens.max() ?? 1, decodeBatches.max() ?? 1) }

    /// Points per round.
    var points: Int { prefillTokens.count + decodeBatches.count * decodeContexts.count }

    /// A smaller grid, nil when nothing is left to drop. For memory: the largest batch, then the longest context,
    /// then the longest prefill; for time: the longest prefill, then the largest batch, then the longest context.
    func trimmed(forMemory: Bool) -> StepPlan? {
        var plan = self
        let order: [WritableKeyPath<StepPlan, [Int]>] = forMemory
            ? [\.decodeBatches, \.decodeContexts, \.prefillTokens] : [\.prefillTokens, \.decodeBatches, \.decodeContexts]
        guard let axis = order.first(where: { plan[keyPath: $0].count > 1 }) else { return nil }
        plan[keyPath: axis].removeLast()
        return plan
    }

    /// Checks the grid: sizes strictly increasing, at least 1 token, at most 2^20 cache slots.
    func check() throws {
        try StepSurface.check(axis: prefillTokens, name: "prefill lengths")
        try StepSurface.check(axis: decodeBatches, name: "decode batches")
        try StepSurface.check(axis: decodeContexts, name: "decode contexts")
        guard capacity <= 1 << 20, rounds >= 1, rounds <= 1000, budgetSeconds > 0, budgetSeconds <= 86_400 else {
            throw CalibrationError.invalid("step grid: cache slots must be at most 1048576, rounds 1...1000, budget up to a day")
        }
    }
}
