/// Predicted against measured time of one phase.
public struct PhaseComparison: Hashable, Codable, Sendable {
    public var predicted: Double
    public var measured: Double
    /// (predicted - measured) / measured.
    public var error: Double { measured > 0 ? (predicted - measured) / measured : 0 }

    enum CodingKeys: String, CodingKey { case predicted = "predicted_s", measured = "measured_s", error }

    public init(predicted: Double, measured: Double) {
        self.predicted = predicted
        self.measured = measured
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(predicted, forKey: .predicted)
        try c.encode(measured, forKey: .measured)
        try c.encode(error, forKey: .error)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(predicted: try c.decode(Double.self, forKey: .predicted), measured: try c.decode(Double.self, forKey: .measured))
    }
}

/// The outcome of `archcalc validate`.
public struct ValidationReport: Hashable, Codable, Sendable {
    public var spec: String
    /// Parameters of the model that ran (embeddings included once when tied).
    public var parameters: Int
    public var context: Int
    public var decodeSteps: Int
    public var threads: Int
    public var prefill: PhaseComparison
    /// Per decode step (median step, predicted at the middle of the decode window).
    public var decode: PhaseComparison
    public var predictedPrefill: [String: Double]
    public var predictedDecode: [String: Double]
    /// Measured wall time per operator group: the last timed prefill, and the mean decode step.
    public var measuredPrefill: [String: Double]
    public var measuredDecode: [String: Double]
    /// Every timed prefill and decode step, seconds.
    public var prefillSamples: [Double]
    public var decodeSamples: [Double]
    /// Other processes' CPU use during the kept prefill samples and the decode window, in cores.
    public var otherCores: [String: Double]
    /// Dispersion of the kept prefill samples and of the decode steps (`prefill`, `decode`).
    public var dispersion: [String: Dispersion]
    /// Whether the error can be read as accuracy on this host right now.
    public var accuracy: AccuracyVerdict
    /// The profile's step surface for this spec and thread count, beside the kernel-level prediction.
    public var stepSurface: StepSurfaceComparison?
    public var notes: [String]
    /// Set when the prompt plus the decode steps run past the spec's context_length.
    public var contextWarning: ContextWarning?

    enum CodingKeys: String, CodingKey {
        case spec, parameters, context, decodeSteps = "decode_steps", threads, prefill, decode
        case predictedPrefill = "predicted_prefill_breakdown_s", predictedDecode = "predicted_decode_breakdown_s"
        case measuredPrefill = "measured_prefill_breakdown_s", measuredDecode = "measured_decode_breakdown_s"
        case prefillSamples = "prefill_samples_s", decodeSamples = "decode_samples_s", otherCores = "other_cores", notes
        case dispersion, accuracy, stepSurface = "step_surface", contextWarning = "context_warning"
    }
}

/// Builds a spec with random fp32 weights, times a real prefill and decode steps, and compares them with the
/// latency model's predictions from a calibration profile.
public enum Validator {
    /// - Parameters:
    ///   - context: Prompt tokens for prefill; decode then continues from there.
    ///   - decodeSteps: Decode steps to time (at least 1).
    ///   - memoryLimit: Bytes the run may use; defaults to 80% of the memory the system reports available.
    /// - Throws: `CalibrationError.tooLarge` when the model, cache and activations would not fit;
    ///   `.invalid` for a context or step count out of range.
    public static func run(
        spec: ArchitectureSpec, profile: CalibrationResult, context: Int, decodeSteps: Int, threads: Int,
        memoryLimit: Int? = nil, variant: KernelVariant = .best()
    ) throws -> ValidationReport {
        guard context >= 1, decodeSteps >= 1, context <= 1 << 20, decodeSteps <= 1 << 16 else {
            throw CalibrationError.invalid("context must be at least 1 and decode steps at least 1 (got \(context), \(decodeSteps))")
        }
        let capacity = context + decodeSteps
        let missing = ForwardPass.unsupportedFeatures(spec, tokens: capacity)
        guard missing.isEmpty else {
            throw CalibrationError.invalid("validate cannot run \(spec.name) yet: its forward pass lacks "
                                           + missing.joined(separator: ", "))
        }
        // Checked parameter arithmetic first, so the fp32 byte count below cannot overflow Int128.
        guard let total = try? ParameterCount.breakdown(spec).total, total <= 1 << 50 else {
            throw CalibrationError.tooLarge("\(spec.name) has too many parameters to run in fp32 on this machine")
        }
        guard let needed = ForwardWeights.bytesNeeded(spec, capacity: capacity, prefill: context) else {
            throw CalibrationError.tooLarge("\(spec.name)'s layers cannot be counted, so its memory cannot be checked")
        }
        let limit = Int128(memoryLimit ?? availableMemory() * 8 / 10)
        guard needed <= limit else {
            throw CalibrationError.tooLarge(
                "\(spec.name) needs \(gib(needed)) GiB for fp32 weights, KV cache and activations; "
                    + "this machine allows \(gib(limit)) GiB (80% of available memory): try a smaller spec or context")
        }
        let pass = ForwardPass(spec: spec, backend: KernelBackend(variant: variant, threads: threads),
                               capacity: capacity, maxRows: context)
        let prompt = (0..<context).map { ($0 * 7919 + 13) % max(1, spec.vocabSize) }
        let clock = ContinuousClock()
        // The step surface's drift probe, timed after each timed prefill (as calibrate times it after a step) when
        // the profile has a surface for this spec at this thread count: how the host moved since calibrate.
        let fingerprint = StepProfile.fingerprint(spec)
        let probeHostSpeed = profile.stepSurfaces?.contains { $0.fingerprint == fingerprint && $0.threads == pass.backend.threads } ?? false
        var probeSamples: [Double] = []
        // Warm-up prefill, thrown away; then timed prefills with the interference check: stop at 3 clean
        // samples, or 1 clean sample after 3 s, or 6 attempts (then every sample counts).
        pass.reset()
        consume(try pass.forward(prompt))
        var timed: [(seconds: Double, interference: Interference)] = []
        var spent = 0.0
        var breakdown: [String: Double] = [:]
        while timed.count < 6 {
            pass.reset()
            let load = SystemLoadSample.now(), start = clock.now
            consume(try pass.forward(prompt))
            let elapsed = seconds(clock.now - start)
            let seen = Interference(from: load, to: .now(), wall: elapsed)
            timed.append((elapsed, seen))
            if !seen.isContaminated || breakdown.isEmpty { breakdown = pass.lastBreakdown }
            spent += elapsed
            if probeHostSpeed { probeSamples.append(StepSampler.sentinelSeconds(pass)) }
            let clean = timed.filter { !$0.interference.isContaminated }.count
            if clean >= 3 || (clean >= 1 && spent >= 3) { break }
        }
        let cleanRuns = timed.filter { !$0.interference.isContaminated }
        let kept = cleanRuns.isEmpty ? timed : cleanRuns
        let prefillSamples = kept.map(\.seconds)
        let prefillOthers = kept.map(\.interference.otherCores).reduce(0, +) / Double(max(1, kept.count))
        let measuredPrefill = breakdown
        let expertRows = pass.lastExpertRows
        let routing = routingNote(spec, rows: expertRows, tokens: context)
        let decodeLoad = SystemLoadSample.now(), decodeStart = clock.now
        var measuredDecode: [String: Double] = [:]
        var decodeSamples: [Double] = []
        var token = 1
        for _ in 0..<decodeSteps {
            let start = clock.now
            let logits = try pass.forward([token])
            decodeSamples.append(seconds(clock.now - start))
            for (key, value) in pass.lastBreakdown { measuredDecode[key, default: 0] += value / Double(decodeSteps) }
            token = argmax(logits)
        }
        let decodeOthers = Interference(from: decodeLoad, to: .now(), wall: seconds(clock.now - decodeStart)).otherCores
        var model = LatencyModel(profile: profile, threads: threads)
        let predictedPrefill = model.prefill(spec, tokens: context, expertRows: expertRows.isEmpty ? nil : expertRows)
        let predictedDecode = model.decodeStep(spec, context: context + decodeSteps / 2)
        let parameters = (try? ParameterCount.breakdown(spec).total).map { Int(clamping: $0) } ?? 0
        let prefillDispersion = Dispersion(prefillSamples), decodeDispersion = Dispersion(decodeSamples)
        let steps = StepSurfaceComparison.make(
            profile, spec: spec, threads: model.threads, context: context, decodeContext: context + decodeSteps / 2,
            measuredPrefill: prefillDispersion.p50, measuredDecode: Timing.median(decodeSamples),
            probeSamples: model.threads == threads ? probeSamples : [])
        let accuracy = AccuracyVerdict.judge(
            prefill: prefillDispersion, decode: decodeDispersion, prefillClean: !cleanRuns.isEmpty, prefillOthers: prefillOthers,
            drift: steps.map { Dispersion($0.1.sentinel.samples) }, hostSpeedRatio: steps?.0.hostSpeed?.ratio)
        var stepNotes: [String] = []
        if let steps, steps.0.extrapolated { stepNotes.append("step surface: extrapolated beyond the sizes calibrate measured") }
        if steps == nil, profile.stepSurfaces != nil {
            stepNotes.append("step surface: the profile has none for this spec at \(model.threads) threads (calibrate --spec with it)")
        }
        return ValidationReport(
            spec: spec.name, parameters: parameters, context: context, decodeSteps: decodeSteps, threads: model.threads,
            prefill: PhaseComparison(predicted: predictedPrefill.seconds, measured: Timing.median(prefillSamples)),
            decode: PhaseComparison(predicted: predictedDecode.seconds, measured: Timing.median(decodeSamples)),
            predictedPrefill: predictedPrefill.breakdown, predictedDecode: predictedDecode.breakdown,
            measuredPrefill: measuredPrefill, measuredDecode: measuredDecode,
            prefillSamples: prefillSamples, decodeSamples: decodeSamples,
            otherCores: ["prefill": prefillOthers, "decode": decodeOthers],
            dispersion: ["prefill": prefillDispersion, "decode": decodeDispersion], accuracy: accuracy, stepSurface: steps?.0,
            notes: model.notes.sorted() + routing + stepNotes,
            contextWarning: ContextWarning.check(model: spec.name, context: capacity, limit: spec.contextLength))
    }

    /// How far the prefill's real routing was from the uniform share the prediction assumes, when MoE.
    static func routingNote(_ spec: ArchitectureSpec, rows: [Int], tokens: Int) -> [String] {
        guard let low = rows.min(), let high = rows.max() else { return [] }
        let share = SpecShapes.expertRows(spec, tokens: tokens)
        let expected = share.extra == 0 ? "\(share.rows)" : "\(share.rows)-\(share.rows + 1)"
        return ["prefill routed \(low)-\(high) rows per expert (uniform would be \(expected)); the prediction uses the measured rows"]
    }

    static func argmax(_ v: [Float]) -> Int {
        var best = 0
        for i in v.indices where v[i] > v[best] { best = i }
        return best
    }

    static func gib(_ bytes: Int128) -> String {
        let tenths = bytes * 10 / (1 << 30)
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// MemAvailable from /proc/meminfo, bytes (8 GiB when it cannot be read).
    static func availableMemory() -> Int {
        let line = SystemFiles.read("/proc/meminfo")?.split(separator: "\n").first { $0.hasPrefix("MemAvailable") }
        let kib = line.flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Int($0) }
        return (kib ?? 8 << 20) * 1024
    }
}
