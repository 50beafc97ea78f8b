/// What a calibration profile's step surface says about one `size` result on the host it measured.
public struct StepSizingEstimate: Hashable, Sendable {
    /// One phase's figure and the model that produced it.
    public struct Figure: Hashable, Sendable {
        /// Seconds of the phase (the whole batch's prefill; one decode step).
        public var seconds: Double
        /// `step-surface` or `kernel-level roofline` (the sizing model's own figure, kept when the surface
        /// does not apply).
        public var source: String
        public var extrapolated: Bool
        /// Why the surface was not used, when it was not.
        public var reason: String?
    }

    public var profile: String
    /// Threads of the surface used (0 when none was).
    public var threads: Int
    public var prefill: Figure
    public var decode: Figure
}

/// Reads a profile's step surface for `size --calibration`.
public enum StepSizing {
    static let roofline = "kernel-level roofline"

    /// The surface's prefill and decode figures for `result`, or the result's own figures with the reason the
    /// surface does not apply: no surface for this spec, several devices, weights or KV cache not fp32 (the
    /// surface times an fp32 forward pass), or a batch and context outside the surface.
    public static func estimate(_ result: SizingResult, spec: ArchitectureSpec, profile: CalibrationResult) -> StepSizingEstimate {
        let fingerprint = StepProfile.fingerprint(spec)
        let steps = profile.stepSurfaces?.filter { $0.fingerprint == fingerprint }.max { $0.threads < $1.threads }
        var blocker: String?
        if steps == nil {
            blocker = "the profile has no step surface for \(spec.name) (archcalc calibrate --spec)"
        } else if result.layout.devices != 1 {
            blocker = "the surface was measured on one host; this layout uses \(result.layout.devices) devices"
        } else if result.weights.dtype != .fp32 || result.kv.dtype != .fp32 {
            blocker = "the surface times fp32 weights and KV cache; sizing \(result.weights.dtype.rawValue) weights and a "
                + "\(result.kv.dtype.rawValue) cache (--weights-dtype fp32 --kv-dtype fp32 to use it)"
        }
        func figure(_ grid: StepGrid?, own: PhaseTiming, what: String) -> StepSizingEstimate.Figure {
            if let blocker { return .init(seconds: own.seconds, source: roofline, extrapolated: false, reason: blocker) }
            guard let grid, let surface = grid.surface(),
                  let e = surface.estimate(batch: result.batch, size: result.context) else {
                let measured = grid.map { "batch \(range($0.batches)), \(range($0.sizes)) tokens" } ?? "nothing"
                return .init(seconds: own.seconds, source: roofline, extrapolated: false,
                             reason: "batch \(result.batch) at \(result.context) tokens is outside the \(what) surface (measured \(measured), "
                                + "sizes extrapolated up to \(Int(StepSurface.maxExtrapolation))x)")
            }
            return .init(seconds: e.seconds, source: StepProfile.modelName, extrapolated: e.extrapolated, reason: nil)
        }
        return StepSizingEstimate(
            profile: profile.id, threads: steps?.threads ?? 0,
            prefill: figure(steps?.prefill, own: result.prefill, what: "prefill"),
            decode: figure(steps?.decode, own: result.decode, what: "decode"))
    }

    static func range(_ values: [Int]) -> String {
        guard let lo = values.first, let hi = values.last else { return "-" }
        return lo == hi ? "\(lo)" : "\(lo)-\(hi)"
    }
}
