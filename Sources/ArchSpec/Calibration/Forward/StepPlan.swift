/// The grid and the time bound of a forward-step calibration (`calibrate --spec`).
public struct StepPlan: Hashable, Sendable {
    /// Prompt lengths of the timed prefills (from an empty cache), tokens.
    public var prefillTokens: [Int]
    /// Cached tokens before each timed decode step.
    public var decodeContexts: [Int]
    /// Rounds over the whole grid at most (each round times every point once).
    public var rounds: Int
    /// Seconds the rounds may take (a round starts only when the one before leaves room for it; the first
    /// always runs, on a grid trimmed so that its estimated time fits).
    public var budgetSeconds: Double
    /// Extra runs of a sample that other processes or the hypervisor disturbed (each kept), per sample.
    public var retries: Int

    public init(prefillTokens: [Int], decodeContexts: [Int], rounds: Int, budgetSeconds: Double, retries: Int) {
        self.prefillTokens = prefillTokens
        self.decodeContexts = decodeContexts
        self.rounds = rounds
        self.budgetSeconds = budgetSeconds
        self.retries = retries
    }

    /// Quick: 3 prefill lengths and 3 contexts, 3 rounds in 4 s. Full: 6 lengths and 5 contexts, 7 rounds in
    /// 40 s. Lengths and contexts stop at the spec's context length.
    public static func make(spec: ArchitectureSpec, quick: Bool) -> StepPlan {
        let limit = max(2, spec.contextLength)
        let prefill = (quick ? [16, 64, 256] : [16, 32, 64, 128, 256, 512]).filter { $0 <= limit }
        let decode = (quick ? [64, 512, 4096] : [64, 256, 1024, 4096, 8192]).filter { $0 < limit }
        return StepPlan(prefillTokens: prefill.isEmpty ? [limit] : prefill, decodeContexts: decode.isEmpty ? [limit - 1] : decode,
                        rounds: quick ? 3 : 7, budgetSeconds: quick ? 4 : 40, retries: 1)
    }

    /// KV-cache slots the pass needs: the longest prefill, or the longest context plus the decoded token.
    var capacity: Int { max(prefillTokens.max() ?? 1, (decodeContexts.max() ?? 0) + 1) }

    /// The grid without its largest prefill length, or else its largest context; nil when nothing is left to drop.
    func trimmed() -> StepPlan? {
        var plan = self
        if plan.prefillTokens.count > 1 {
            plan.prefillTokens.removeLast()
        } else if plan.decodeContexts.count > 1 {
            plan.decodeContexts.removeLast()
        } else {
            return nil
        }
        return plan
    }

    /// Checks the grid: sizes strictly increasing, at least 1 token, at most 2^20.
    func check() throws {
        try StepSurface.check(axis: prefillTokens, name: "prefill lengths")
        try StepSurface.check(axis: decodeContexts, name: "decode contexts")
        guard capacity <= 1 << 20, rounds >= 1, rounds <= 1000, budgetSeconds > 0, budgetSeconds <= 86_400 else {
            throw CalibrationError.invalid("step grid: tokens must be at most 1048576, rounds 1...1000, budget up to a day")
        }
    }
}
