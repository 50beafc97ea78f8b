/// Whether a validation's measurements were steady enough for its error to be read as accuracy.
///
/// A prediction error is only accuracy when the measurement it is compared with is steadier than the error:
/// when the timed prefills or decode steps spread more than `threshold` ((p90 - p10) / p50), when no prefill
/// ran free of other processes, or when the host drifted by more than the threshold while the step surface was
/// measured, the error is noise and `validate` says so instead of reporting it.
public struct AccuracyVerdict: Hashable, Codable, Sendable {
    public var trustworthy: Bool
    /// The dispersion above which the host counts as too noisy, as a fraction (0.10).
    public var threshold: Double
    /// Why the error is not accuracy (empty when it is).
    public var reasons: [String]

    /// 10%: the accuracy target itself; a measurement noisier than that cannot show it.
    public static let defaultThreshold = 0.10

    /// - Parameters:
    ///   - prefillClean: Whether at least one timed prefill was free of other processes.
    ///   - drift: The drift probe's samples while the step surface was measured, when one was used.
    ///   - hostSpeedRatio: The drift probe's time now over its time while the surface was measured, when timed.
    static func judge(prefill: Dispersion, decode: Dispersion, prefillClean: Bool, prefillOthers: Double,
                      drift: Dispersion?, hostSpeedRatio: Double? = nil, threshold: Double = defaultThreshold) -> AccuracyVerdict {
        func pct(_ x: Double) -> String { HumanUnits.fixed(x * 100, decimals: 1) + "%" }
        var reasons: [String] = []
        if prefill.count > 1, prefill.relative > threshold {
            reasons.append("prefill dispersion \(pct(prefill.relative)) > \(pct(threshold))")
        }
        if decode.count > 1, decode.relative > threshold {
            reasons.append("decode dispersion \(pct(decode.relative)) > \(pct(threshold))")
        }
        if !prefillClean {
            reasons.append("no prefill ran free of other processes (\(HumanUnits.fixed(prefillOthers, decimals: 2)) cores busy)")
        }
        if let drift, drift.count > 1, drift.relative > threshold {
            reasons.append("the drift probe moved \(pct(drift.relative)) > \(pct(threshold)) while the step surface was measured")
        }
        if let ratio = hostSpeedRatio, ratio.isFinite, abs(ratio - 1) > threshold {
            reasons.append("the drift probe runs \(pct(abs(ratio - 1))) \(ratio > 1 ? "slower" : "faster") now than while the step "
                           + "surface was measured (> \(pct(threshold)))")
        }
        return AccuracyVerdict(trustworthy: reasons.isEmpty, threshold: threshold, reasons: reasons)
    }

    /// The plain statement for the text report, nil when the error is accuracy.
    public var statement: String? {
        trustworthy ? nil : "host too noisy: " + reasons.joined(separator: "; ") + "; error not reported as accuracy"
    }
}

/// The step surface's prediction for the validated run, beside the kernel-level one.
public struct StepSurfaceComparison: Hashable, Codable, Sendable {
    /// Threads the surface was measured with.
    public var threads: Int
    /// Prefill of `context` tokens (batch 1); nil outside the surface.
    public var prefill: PhaseComparison?
    /// One decode step at the middle of the decode window (batch 1); nil outside the surface.
    public var decode: PhaseComparison?
    /// Whether either figure lies beyond the measured sizes (log-log extrapolation).
    public var extrapolated: Bool
    /// The surface's drift probe timed again now, and the decode prediction scaled by the host-speed ratio;
    /// nil when `validate` did not time the probe (no surface at the run's thread count).
    public var hostSpeed: HostSpeedComparison? = nil

    /// The surface of `profile` for `spec` at `threads`, compared with the measured medians; nil when the
    /// profile has none for that spec and thread count.
    static func make(_ profile: CalibrationResult, spec: ArchitectureSpec, threads: Int, context: Int, decodeContext: Int,
                     measuredPrefill: Double, measuredDecode: Double,
                     probeSamples: [Double] = []) -> (StepSurfaceComparison, StepProfile)? {
        let fingerprint = StepProfile.fingerprint(spec)
        guard let steps = profile.stepSurfaces?.first(where: { $0.fingerprint == fingerprint && $0.threads == threads }) else {
            return nil
        }
        let p = steps.prefill.surface()?.estimate(batch: 1, size: context)
        let d = steps.decode.surface()?.estimate(batch: 1, size: decodeContext)
        let decode = d.map { PhaseComparison(predicted: $0.seconds, measured: measuredDecode) }
        return (StepSurfaceComparison(
            threads: threads, prefill: p.map { PhaseComparison(predicted: $0.seconds, measured: measuredPrefill) },
            decode: decode, extrapolated: (p?.extrapolated ?? false) || (d?.extrapolated ?? false),
            hostSpeed: HostSpeedComparison.make(calibrated: steps.sentinel.dispersion.p50, samples: probeSamples, decode: decode)),
            steps)
    }
}
