/// One replica's configuration: device kind, storage formats, layout and chunked-prefill size.
public struct ReplicaConfig: Hashable, Codable, Sendable, CustomStringConvertible {
    public var hardware: String
    public var weights: DType
    public var kv: DType
    public var layout: ParallelLayout
    /// Tokens of prompt one step computes at most.
    public var chunk: Int

    public var devices: Int { layout.devices }

    public var description: String {
        let formats = weights == kv ? weights.rawValue : "\(weights.rawValue) (KV \(kv.rawValue))"
        return "\(hardware) \(layout), \(formats), chunk \(chunk)"
    }
}

/// A replica the planner can time: its configuration, how many sequences its memory holds, and its step timer.
struct Replica: Sendable {
    var config: ReplicaConfig
    /// Sequences whose KV cache (at the workload's mean live context) fits beside weights, activations and the
    /// reserve on every device.
    var maxConcurrency: Int
    var timer: any StepTimer
    /// KV bytes one device holds for a prompt of the mean length (disaggregated transfer), per token.
    var kvBytesPerPromptToken: Double
}

/// Builds replicas from sizing's setup: one `Setup` per device kind and weight dtype, one candidate per layout.
struct ReplicaFactory {
    var setup: Setup
    var workload: ServingWorkload
    var timing: TimingModel

    init(_ spec: ArchitectureSpec, hardware: HardwareProfile, weights: DType, kv: DType?, workload: ServingWorkload,
         timing: TimingModel = .step, allReduce: AllReduceImplementation? = nil) throws(ServingError) {
        self.timing = timing
        let live = max(1, Int(workload.meanLiveContext.rounded(.up)))
        let request = SizingRequest(
            context: live, batch: 1, tp: 1, pp: 1, weights: WeightQuantization(dtype: weights),
            kv: kv.map { KVQuantization(dtype: $0) }, allReduce: allReduce)
        do { setup = try Setup(spec, hardware: hardware, request: request) } catch { throw .sizing(error) }
        self.workload = workload
    }

    /// The replica, or why it cannot serve this workload at all. `timers` caches one step timer per layout (the
    /// chunk size changes only the activation workspace, not the step times).
    func replica(_ layout: ParallelLayout, chunk: Int, timers: inout [ParallelLayout: any StepTimer])
        throws(ServingError) -> Result<Replica, ServingRejection> {
        var setup = self.setup
        setup.request.tp = layout.tp
        setup.request.pp = layout.pp
        setup.request.ep = layout.ep
        setup.request.dp = layout.dp
        // A replica's chunk is the prompt tokens of one step across its dp ranks; each rank's workspace and kernels
        // see chunk / dp (SGLang divides --chunked-prefill-size by the DP-attention size the same way).
        setup.request.prefillChunk = max(1, chunk / max(layout.dp, 1))
        let config = ReplicaConfig(hardware: setup.hardware.id, weights: setup.weights.dtype, kv: setup.kv.dtype,
                                   layout: layout, chunk: chunk)
        if let problem = layout.problem(for: setup.spec, on: setup.hardware) {
            return .failure(ServingRejection(config: config, replicas: 1, reason: problem))
        }
        let candidate: Candidate
        do { candidate = try LayoutSearch.evaluate(layout, setup) } catch { throw .sizing(error) }
        let limits = Limits(setup: setup, candidate: candidate)
        let longest = Int(min(Double(setup.spec.contextLength),
                              (workload.input.checkedMaximum + workload.output.checkedMaximum).rounded(.up)))
        if !limits.fits(context: max(1, longest), batch: 1) {
            return .failure(ServingRejection(config: config, replicas: 1, reason: candidate.memory.fits
                ? "one request of \(longest) tokens does not fit beside the weights"
                : "weights do not fit: " + LayoutSearch.overrun(candidate.memory)))
        }
        let maxConcurrency = limits.maxBatch(context: setup.context)
        let timer: any StepTimer
        if let cached = timers[layout] { timer = cached } else {
            switch timing {
            case .step: timer = try StepModelTimer(setup: setup, candidate: candidate, meanPrompt: workload.input.mean)
            case .roofline:
                timer = try RooflineStepTimer(setup: setup, candidate: candidate, meanPrompt: workload.input.mean,
                                              meanLiveContext: workload.meanLiveContext)
            }
            timers[layout] = timer
        }
        return .success(Replica(config: config, maxConcurrency: maxConcurrency, timer: timer,
                                kvBytesPerPromptToken: try Self.kvBytesPerToken(candidate, prompt: workload.input.mean)))
    }

    /// KV-cache and state bytes one device holds per prompt token at the mean prompt, stages summed.
    static func kvBytesPerToken(_ candidate: Candidate, prompt: Double) throws(ServingError) -> Double {
        let tokens = max(1, Int(prompt.rounded(.up)))
        var bytes: Int128 = 0
        do {
            for stage in candidate.model.weightsPerStage.indices {
                bytes += try candidate.model.kvBytes(stage: stage, context: tokens, batch: 1)
            }
        } catch { throw .sizing(error) }
        return Double(bytes) / Double(tokens)
    }
}

/// A configuration at a replica count that does not meet the targets, and why.
public struct ServingRejection: Error, Hashable, Codable, Sendable {
    public var config: ReplicaConfig
    public var replicas: Int
    public var reason: String

    public var devices: Int { config.devices * replicas }
}
