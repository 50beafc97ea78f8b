/// The step surface's drift probe timed again by `validate`, and the step surface's decode prediction scaled by
/// how much faster or slower the probe runs now than when the surface was measured.
///
/// The probe is one fp32 GEMV over the embedding matrix (`StepSampler.sentinelSeconds`), a memory-bound read of
/// vocabulary x hidden floats. `calibrate --spec` times it between the surface's rounds, each time right after a
/// forward step; `validate` times it right after each of its timed prefills, so both read it in the same state
/// (the lm_head GEMV over the same matrix has just run). The ratio now / calibrate says how the host's memory
/// streaming moved between the two (neighbouring VMs, invisible to the guest otherwise). Only the decode step,
/// which streams the weights from memory the way the probe does, is scaled; a prefill is bound by arithmetic,
/// which this probe does not measure, so it is not adjusted. The raw errors stay the reported ones.
public struct HostSpeedComparison: Hashable, Codable, Sendable {
    /// Median drift-probe time while the step surface was measured (the profile's `sentinel`), seconds.
    public var calibrated: Double
    /// Every drift-probe time `validate` took, seconds.
    public var samples: [Double]
    /// Median of `samples`, seconds.
    public var now: Double { Dispersion(samples).p50 }
    /// now / calibrated: above 1 the host streams memory more slowly now than when the surface was measured.
    public var ratio: Double { calibrated > 0 ? now / calibrated : 1 }
    /// The step surface's decode prediction times `ratio` against the measured decode step; nil when the surface
    /// has no decode prediction for the run.
    public var decodeAdjusted: PhaseComparison?

    enum CodingKeys: String, CodingKey {
        case calibrated = "calibrate_s", samples = "validate_samples_s", decodeAdjusted = "decode_adjusted"
    }

    /// - Parameters:
    ///   - calibrated: The profile's median drift-probe time, seconds (must be positive).
    ///   - samples: The probe times `validate` took, seconds (at least one, each positive).
    ///   - decode: The step surface's decode comparison, scaled by the ratio.
    /// - Returns: nil when there is nothing to compare (no calibrated time or no sample).
    public static func make(calibrated: Double, samples: [Double], decode: PhaseComparison?) -> HostSpeedComparison? {
        let kept = samples.filter { $0.isFinite && $0 > 0 }
        guard calibrated.isFinite, calibrated > 0, !kept.isEmpty else { return nil }
        var result = HostSpeedComparison(calibrated: calibrated, samples: kept, decodeAdjusted: nil)
        result.decodeAdjusted = decode.map { PhaseComparison(predicted: $0.predicted * result.ratio, measured: $0.measured) }
        return result
    }
}
