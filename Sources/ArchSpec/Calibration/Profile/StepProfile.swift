/// Whole forward steps of one spec measured on a (batch, size) grid: every sample, its interference, and the
/// monotone surface fitted to the medians. What `calibrate --spec` adds to a profile (`step_surfaces`).
public struct StepProfile: Hashable, Codable, Sendable {
    /// The model that produced these figures, for readers of the profile: always `step-surface`.
    public var model: String
    /// Name of the spec that ran.
    public var spec: String
    /// What identifies the spec's shape (parameters, layers, hidden size, vocabulary): a surface is only used
    /// for a spec with the same fingerprint.
    public var fingerprint: String
    public var threads: Int
    /// Prefill of `size` prompt tokens from an empty cache, per batch.
    public var prefill: StepGrid
    /// One decode step with `size` tokens cached, per batch.
    public var decode: StepGrid
    /// The drift probe run between rounds (a GEMV over the embedding matrix), seconds per round: how much the
    /// host itself moved while the grid was measured.
    public var sentinel: StepPoint
    /// Rounds run over the whole grid (each round visits every point once, in a rotated order).
    public var rounds: Int
    /// Wall time the grid took, seconds, and the budget it was held to.
    public var elapsedSeconds: Double
    public var budgetSeconds: Double
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case model, spec, fingerprint, threads, prefill, decode, sentinel, rounds
        case elapsedSeconds = "elapsed_s", budgetSeconds = "budget_s", notes
    }

    /// The name every step-surface figure carries as its source.
    public static let modelName = "step-surface"

    /// The fingerprint `calibrate` records for `spec`.
    public static func fingerprint(_ spec: ArchitectureSpec) -> String {
        let parameters = (try? ParameterCount.breakdown(spec).total).map { "\($0)" } ?? "?"
        return "params=\(parameters) layers=\(spec.layers) hidden=\(spec.hiddenSize) vocab=\(spec.vocabSize)"
    }
}

/// The measured points of one phase and the surface through them.
public struct StepGrid: Hashable, Codable, Sendable {
    public var batches: [Int]
    public var sizes: [Int]
    /// Row-major: `batches.count` rows of `sizes.count` points.
    public var points: [StepPoint]

    /// The monotone surface through the points' medians (nil when the grid is empty or a point has no clean
    /// sample).
    public func surface() -> StepSurface? {
        try? StepSurface(batches: batches, sizes: sizes, seconds: points.map(\.dispersion.p50),
                         weights: points.map { Double(max(1, $0.dispersion.count)) })
    }
}

/// Every sample of one grid point, with the interference around each, and their dispersion.
public struct StepPoint: Hashable, Codable, Sendable {
    public var batch: Int
    public var size: Int
    /// Every timed step, seconds, in the order measured.
    public var samples: [Double]
    /// Other processes' CPU use during each sample, cores.
    public var otherCores: [Double]
    /// Samples the interference check rejected (kept in `samples`, left out of `dispersion` unless every
    /// sample was rejected).
    public var contaminated: [Bool]
    /// Of the samples used: p10/p50/p90 and MAD; p50 is what the surface is fitted to.
    public var dispersion: Dispersion
    /// The fitted surface at this point, seconds (differs from p50 where the medians were not monotone).
    public var fitted: Double

    enum CodingKeys: String, CodingKey {
        case batch, size, samples = "samples_s", otherCores = "other_cores", contaminated, dispersion, fitted = "fitted_s"
    }

    public init(batch: Int, size: Int, samples: [Double], otherCores: [Double], contaminated: [Bool]) {
        self.batch = batch
        self.size = size
        self.samples = samples.map { ($0 * 1e7).rounded() / 1e7 }
        self.otherCores = otherCores.map { ($0 * 1000).rounded() / 1000 }
        self.contaminated = contaminated
        let clean = zip(samples, contaminated).filter { !$0.1 }.map(\.0)
        dispersion = Dispersion(clean.isEmpty ? samples : clean)
        fitted = dispersion.p50
    }
}
