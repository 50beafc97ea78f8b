#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The sizing model: memory per device, the layout that fits, the largest batch and context, and roofline
/// latency and throughput. Formulas and defaults are in `docs/sizing.md`.
public enum Sizer {
    /// Sizes `spec` on `hardware` for `request`.
    ///
    /// - Parameters:
    ///   - spec: A resolved architecture.
    ///   - hardware: A built-in or user profile.
    ///   - request: Workload, parallelism and formats; unset fields take documented defaults.
    /// - Returns: The configuration chosen (or given) with its memory, limits and timings. When nothing fits
    ///   within `request.maxDevices`, the closest configuration with `fits == false`.
    /// - Throws: `SizingError` for options out of range or counts beyond 128 bits.
    public static func size(
        _ spec: ArchitectureSpec, on hardware: HardwareProfile, request: SizingRequest = SizingRequest()
    ) throws(SizingError) -> SizingResult {
        let setup = try Setup(spec, hardware: hardware, request: request)
        let choice = try LayoutSearch.choose(setup)
        return try evaluate(setup, candidate: choice.best, attempts: choice.attempts)
    }

    static func evaluate(
        _ setup: Setup, candidate: Candidate, attempts: [LayoutAttempt]
    ) throws(SizingError) -> SizingResult {
        let limits = Limits(setup: setup, candidate: candidate)
        let timing = try timings(setup, candidate: candidate)
        let (maxContext, bound) = limits.maxContext(batch: setup.batch)
        return SizingResult(
            model: setup.spec.name, hardware: setup.hardware, layout: candidate.layout, context: setup.context,
            batch: setup.batch, weights: setup.weights, kv: setup.kv, computeDType: setup.computeDType,
            memory: candidate.memory, maxBatch: limits.maxBatch(context: setup.context), maxContext: maxContext,
            maxContextBound: bound, contextLength: setup.spec.contextLength, contextWarning: setup.estimate.contextWarning,
            prefill: timing.prefill, decode: timing.decode, kvAccounting: setup.request.kvAccounting, attempts: attempts)
    }

    /// Prefill and decode roofline times for one candidate layout.
    static func timings(_ setup: Setup, candidate: Candidate) throws(SizingError) -> (prefill: PhaseTiming, decode: PhaseTiming) {
        let spec = setup.spec, model = candidate.model, layout = candidate.layout
        // With attention data parallelism one device's replica prefills and decodes batch / dp sequences.
        let replicaBatch = layout.sequencesPerReplica(setup.batch)
        let tokens = try Wide.mul(Int128(setup.context), Int128(replicaBatch), term: "tokens")
        let chunk = Int128(setup.request.prefillChunk)
        let chunks = (tokens + chunk - 1) / chunk
        var kv: Int128 = 0
        for stage in model.weightsPerStage.indices {
            kv = try Wide.add(kv, try model.kvBytes(stage: stage, context: setup.context,
                                                    batch: replicaBatch), term: "KV cache")
        }
        let stepTokens = min(tokens, chunk)
        let prefillWeights = try weightsRead(model, spec: spec, tokens: stepTokens)
        let decodeWeights = try weightsRead(model, spec: spec, tokens: Int128(setup.batch))
        let activationBytes = Int128(setup.activationBits / 8)
        let hidden = Int128(spec.hiddenSize), layers = Int128(spec.layers)

        let prefillWork = PhaseWork(
            linearFlops: setup.estimate.flops.prefill.linear, attentionFlops: setup.estimate.flops.prefill.attention,
            bytesPerDevice: try Wide.add(try Wide.mul(prefillWeights, chunks, term: "prefill bytes"), kv, term: "prefill bytes"),
            allReduces: 2 * layers * chunks, allReduceBytes: try Wide.mul(stepTokens, hidden, activationBytes, term: "messages"),
            sends: Int128(layout.pp - 1) * chunks, sendBytes: try Wide.mul(stepTokens, hidden, activationBytes, term: "messages"))
        let decodeMessage = try Wide.mul(Int128(replicaBatch), hidden, activationBytes, term: "messages")
        let decodeWork = PhaseWork(
            linearFlops: setup.estimate.flops.decode.linear, attentionFlops: setup.estimate.flops.decode.attention,
            bytesPerDevice: try Wide.add(decodeWeights, kv, term: "decode bytes"),
            allReduces: 2 * layers, allReduceBytes: decodeMessage, sends: Int128(layout.pp - 1), sendBytes: decodeMessage)
        let roofline = (Roofline.time(prefillWork, layout: layout, hardware: setup.hardware, peak: setup.peak),
                        Roofline.time(decodeWork, layout: layout, hardware: setup.hardware, peak: setup.peak))
        guard setup.request.timing == .step else { return roofline }
        let builder = StepWorkBuilder(setup: setup, candidate: candidate)
        let prefill = builder.prefill()
        return (stepTiming(StepTimeModel.time(prefill.step, hardware: setup.hardware), steps: prefill.chunks,
                           roofline: roofline.0),
                stepTiming(StepTimeModel.time(builder.decode(), hardware: setup.hardware), steps: 1,
                           roofline: roofline.1))
    }

    /// A phase timed by the step model, keeping the roofline's counts and datasheet-only time.
    static func stepTiming(_ step: StepTime, steps: Double, roofline: PhaseTiming) -> PhaseTiming {
        var timing = roofline
        let n = steps
        let kernels = step.gemm + step.moe + step.attention + step.elementwise + step.launch + step.overhead
        timing.seconds = step.seconds * n
        timing.computeSeconds = step.computeBound * n
        timing.memorySeconds = (kernels - step.computeBound) * n
        timing.communicationSeconds = step.communication * n
        let parts: [(Bound, Double)] = [(.compute, timing.computeSeconds), (.memory, timing.memorySeconds),
                                        (.communication, timing.communicationSeconds)]
        timing.bound = parts.max { $0.1 < $1.1 }?.0 ?? .memory
        timing.step = step
        timing.steps = steps < 1e15 ? Int(steps) : Int(1e15)
        return timing
    }
}

extension Sizer {
    /// Weight bytes one device reads for a step of `tokens` tokens, summed over stages. Dense weights are read
    /// whole; of the routed experts, the expected share a step touches when each token picks top_k of the
    /// experts uniformly: 1 - (1 - top_k / experts)^tokens.
    static func weightsRead(_ model: ShardedModel, spec: ArchitectureSpec, tokens: Int128) throws(SizingError) -> Int128 {
        let all = try Wide.add(model.weightsPerStage.reduce(0, +), term: "weights")
        let routed = model.routedExpertsPerStage.reduce(0, +)
        guard routed > 0, let moe = spec.moe, moe.experts > 0 else { return all }
        let untouched = pow(1 - min(1, Double(moe.topK) / Double(moe.experts)), Double(tokens))
        let touched = Double(routed) * (1 - untouched)
        return all - routed + Int128(touched.rounded(.up))
    }
}

/// A layout with its sharded model and memory at the requested workload.
struct Candidate {
    var layout: ParallelLayout
    var model: ShardedModel
    var memory: DeviceMemory
}

/// Largest batch and context that fit, by doubling then bisection (memory grows monotonically in both).
struct Limits {
    var setup: Setup
    var candidate: Candidate

    func fits(context: Int, batch: Int) -> Bool {
        guard let memory = try? MemoryPlan.plan(
            setup.spec, model: candidate.model, layout: candidate.layout, hardware: setup.hardware, context: context,
            batch: batch, request: setup.request, activationBits: setup.activationBits) else { return false }
        return memory.fits
    }

    func maxBatch(context: Int) -> Int {
        Self.largest(upTo: 1 << 30) { fits(context: context, batch: $0) }
    }

    /// The longest context that fits at `batch`, searched up to the model's limit or the requested context
    /// when that is longer, and what stopped it.
    func maxContext(batch: Int) -> (Int, ContextBound) {
        let limit = max(setup.spec.contextLength, setup.context)
        let best = Self.largest(upTo: limit) { fits(context: $0, batch: batch) }
        return (best, ContextBound.of(best: best, searchLimit: limit, contextLength: setup.spec.contextLength))
    }

    /// The largest n in 1...limit with `ok(n)`, assuming `ok` is true then false; 0 when `ok(1)` is false.
    static func largest(upTo limit: Int, _ ok: (Int) -> Bool) -> Int {
        guard limit >= 1, ok(1) else { return 0 }
        var low = 1
        var high = 2
        while high <= limit, ok(high) {
            low = high
            if high > limit / 2 { return ok(limit) ? limit : bisect(low, limit, ok) }
            high *= 2
        }
        return bisect(low, min(high, limit + 1), ok)
    }

    /// With ok(low) true and ok(high) false (or high past the limit), the last true value.
    static func bisect(_ low: Int, _ high: Int, _ ok: (Int) -> Bool) -> Int {
        var low = low, high = high
        while high - low > 1 {
            let mid = low + (high - low) / 2
            if ok(mid) { low = mid } else { high = mid }
        }
        return low
    }
}
