/// One continuous-batching step on one replica: a prefill chunk of `prefillTokens` prompt tokens and one new
/// token for each of `decodes` sequences.
public struct BatchStep: Hashable, Sendable {
    /// Prompt tokens computed in the step (0 for a decode-only step).
    public var prefillTokens: Double
    /// Sequences decoding one token each.
    public var decodes: Double

    public init(prefillTokens: Double, decodes: Double) {
        self.prefillTokens = prefillTokens
        self.decodes = decodes
    }
}

/// The one seam between the planner and the step-time model: how long a step takes on one replica.
///
/// The planner never times a step any other way. `RooflineStepTimer` answers from sizing's roofline
/// (`Sizing/PhaseTiming`); a kernel-level step model plugs in by conforming to this protocol.
protocol StepTimer: Sendable {
    /// Wall time of `step`, seconds.
    func seconds(_ step: BatchStep) -> Double
}
