/// A request with every default resolved: formats, compute dtype and peak, and the cost-model estimate.
struct Setup {
    var spec: ArchitectureSpec
    var hardware: HardwareProfile
    var request: SizingRequest
    var context: Int
    var batch: Int
    var weights: WeightQuantization
    var kv: KVQuantization
    var computeDType: DType
    /// Peak dense FLOP/s of one device in `computeDType`.
    var peak: Double
    /// Width of activations between layers (16 unless the model runs in fp32).
    var activationBits: Int
    var estimate: Estimate
    /// The spec's layer plan with its layer costs, computed once for the estimate and every candidate layout.
    var layers: PlanCosts

    init(_ spec: ArchitectureSpec, hardware: HardwareProfile, request: SizingRequest) throws(SizingError) {
        var request = request
        // A spec's declared deployment degrees are the defaults when the request pins no layout.
        if request.tp == nil, request.pp == nil, request.devices == nil,
           spec.parallelism.tensor > 1 || spec.parallelism.pipeline > 1 {
            request.tp = spec.parallelism.tensor
            request.pp = spec.parallelism.pipeline
            if request.ep == nil, spec.parallelism.expert > 1 { request.ep = spec.parallelism.expert }
        }
        if let dp = request.dp, dp > 1, request.ep == nil, let tp = request.tp {
            let (ranks, overflow) = dp.multipliedReportingOverflow(by: tp)
            if !overflow, ranks <= Self.maxParallelism { request.ep = ranks }
        }
        try Self.validate(request)
        if let dp = request.dp, dp > 1, (spec.moe?.experts ?? 0) < 2 {
            throw .invalidOption("--dp \(dp) (attention data parallelism) pairs with expert parallelism; \(spec.name)"
                + " has no routed experts (serve replicas instead)")
        }
        if let ep = request.ep, ep > 1, (spec.moe?.experts ?? 0) < 2 {
            throw .invalidOption("--ep \(ep) needs routed experts; \(spec.name) has none")
        }
        self.spec = spec
        var hardware = hardware
        if let allReduce = request.allReduce {
            var step = hardware.stepTime ?? StepTimeParameters()
            step.allReduce = allReduce
            hardware.stepTime = step
        }
        self.hardware = hardware
        self.request = request
        context = request.context ?? spec.contextLength
        batch = request.batch
        let weights = request.weights ?? WeightQuantization(dtype: spec.dtype)
        self.weights = weights
        let wide = ShardedModel.wideDType(spec, weights)
        kv = request.kv ?? KVQuantization(dtype: wide)
        (computeDType, peak) = try Self.compute(request.computeDType, weights: weights, wide: wide, hardware: hardware)
        activationBits = max(16, wide.bits)
        do {
            let layers = try PlanCosts(spec)
            self.layers = layers
            estimate = try CostModel.estimate(layers, options: CostOptions(
                context: context, batch: batch, weightsDType: weights.dtype, kvDType: kv.dtype))
        } catch {
            throw .cost(error)
        }
    }

    /// The most devices, tensor ranks or pipeline stages a request may name.
    static let maxParallelism = 1 << 20

    static func validate(_ request: SizingRequest) throws(SizingError) {
        if let context = request.context, context < 1 { throw .invalidOption("context must be at least 1, got \(context)") }
        if request.batch < 1 { throw .invalidOption("batch must be at least 1, got \(request.batch)") }
        if request.prefillChunk < 1 { throw .invalidOption("prefill chunk must be at least 1, got \(request.prefillChunk)") }
        for (name, value) in [("devices", request.devices), ("tp", request.tp), ("pp", request.pp), ("ep", request.ep),
                              ("dp", request.dp)] {
            if let value, value < 1 { throw .invalidOption("\(name) must be at least 1, got \(value)") }
            if let value, value > maxParallelism {
                throw .invalidOption("\(name) \(value) is beyond the \(maxParallelism) devices archcalc models")
            }
        }
        if request.maxDevices < 1 || request.maxDevices > maxParallelism {
            throw .invalidOption("max devices must be in 1...\(maxParallelism), got \(request.maxDevices)")
        }
        let dp = request.dp ?? 1
        if let tp = request.tp, let ep = request.ep, dp == 1, tp % ep != 0 {
            throw .invalidOption("--ep \(ep) does not divide --tp \(tp) (experts are spread over the tensor-parallel group)")
        }
        if let tp = request.tp, tp * dp > maxParallelism {
            throw .invalidOption("dp \(dp) x tp \(tp) is beyond the \(maxParallelism) devices archcalc models")
        }
        if let tp = request.tp, let ep = request.ep, dp > 1, (dp * tp) % ep != 0 {
            throw .invalidOption("--ep \(ep) does not divide --dp \(dp) x --tp \(tp) (experts are spread over the"
                + " stage's ranks)")
        }
        if let tp = request.tp, let pp = request.pp, tp * dp * pp > maxParallelism {
            throw .invalidOption("dp \(dp) x tp \(tp) x pp \(pp) is beyond the \(maxParallelism) devices archcalc models")
        }
        if let devices = request.devices, let tp = request.tp, let pp = request.pp, tp * dp * pp != devices {
            throw .invalidOption("--gpus \(devices) is not " + (dp > 1 ? "dp \(dp) x " : "") + "tp \(tp) x pp \(pp)")
        }
        for (name, value) in [("tp", request.tp), ("pp", request.pp), ("dp", request.dp)] {
            if let devices = request.devices, let value, devices % value != 0 {
                throw .invalidOption("--gpus \(devices) is not a multiple of --\(name) \(value)")
            }
        }
        for granularity in [request.weights?.granularity, request.kv?.granularity] {
            if case .perGroup(let size) = granularity, size < 1 { throw .quantization(.invalidGroupSize(size)) }
        }
    }

    /// The compute dtype and its peak: the requested or natural dtype, else the next wider one the device lists.
    static func compute(
        _ requested: DType?, weights: WeightQuantization, wide: DType, hardware: HardwareProfile
    ) throws(SizingError) -> (DType, Double) {
        let natural: DType = weights.dtype == .fp8 && (hardware.peakFlops.fp8?.value ?? 0) > 0 ? .fp8 : wide
        let preferred = requested ?? natural
        let chain: [DType] = switch preferred {
        case .fp8, .int8, .int4: [preferred, .bf16, .fp16, .fp32]
        case .bf16: [.bf16, .fp16, .fp32]
        case .fp16: [.fp16, .bf16, .fp32]
        case .fp32: [.fp32, .bf16, .fp16]
        }
        for dtype in chain {
            if let peak = hardware.peakFlops.figure(for: dtype)?.value, peak > 0 { return (dtype, peak) }
        }
        throw .invalidOption("\(hardware.id) lists no peak FLOP/s for \(preferred.rawValue), bf16, fp16 or fp32")
    }
}
