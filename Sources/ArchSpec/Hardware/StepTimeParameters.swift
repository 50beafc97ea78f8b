/// The figures of the step-time model (`docs/sizing.md`, "Step time"): kernel efficiency curves, fixed
/// per-kernel costs, launch mode, collective costs and MoE routing skew.
///
/// Every field is optional: a profile (built-in, a user's YAML under `step_time:`, or calibration output) sets
/// what it knows and the rest comes from `StepTimeParameters.defaults`, field by field. Every default names its
/// source.
public struct StepTimeParameters: Hashable, Codable, Sendable {
    /// Fraction of the dtype's dense peak a weight GEMM reaches, against M (tokens in the step), per dtype.
    public var gemmCompute: DTypeCurves?
    /// Fraction of peak memory bandwidth a weight GEMM streams its weights at, against M, per weight dtype.
    public var gemmBandwidth: DTypeCurves?
    /// Multiplier on both GEMM fractions against the size of one weight shard, N x K elements (small matrices
    /// fill fewer SMs and finish in a partial wave).
    public var gemmSize: SourcedCurve?
    /// Fraction of the 16-bit dense peak a FlashAttention-class prefill kernel reaches, against context tokens.
    public var attentionPrefill: SourcedCurve?
    /// Fraction of memory bandwidth a paged decode-attention kernel reads the KV cache at, against bytes of KV
    /// one layer reads in the step.
    public var attentionDecode: SourcedCurve?
    /// Fixed time of one paged decode-attention kernel (split-KV scheduling, the partial-result merge, a
    /// mostly idle device at small batch), seconds, added to its KV-streaming time.
    public var attentionDecodeLatency: Sourced<Seconds>?
    /// Fraction of memory bandwidth the grouped routed-expert kernels of one MoE layer stream the touched experts'
    /// weights at, against those bytes (both grouped GEMMs, one device). Replaces `gemm_bandwidth` x `gemm_size`
    /// for routed experts: a grouped kernel over many small experts fills the device, one over few does not.
    public var moeBandwidth: SourcedCurve?
    /// Multiplier on `gemm_compute` (at the rows each expert sees) for grouped routed-expert GEMMs.
    public var moeCompute: Sourced<Fraction>?
    /// Shortest time one kernel takes, however little it does (seconds).
    public var kernelFloor: Sourced<Seconds>?
    /// Fraction of memory bandwidth elementwise and norm kernels reach.
    public var elementwiseBandwidth: Sourced<Fraction>?
    /// Fixed time of one elementwise or norm kernel (launch, one row per block at small M), seconds, added to its
    /// bytes at `elementwise_bandwidth`.
    public var elementwiseLatency: Sourced<Seconds>?
    /// Per-operation latency and bandwidth share of elementwise kernels; an operation without them uses
    /// `elementwise_latency` and `elementwise_bandwidth`.
    public var elementwiseOps: ElementwiseOpFigures?
    /// How kernels are launched: captured in a CUDA graph (back to back) or eagerly from the host.
    public var launch: LaunchMode?
    /// Host time to launch one kernel eagerly (seconds); a kernel shorter than this waits for the next launch.
    public var eagerLaunch: Sourced<Seconds>?
    /// Which all-reduce the engine runs over NVLink: a custom one-shot kernel (TensorRT-LLM's, vLLM's and
    /// SGLang's default for small messages) or NCCL. Picks the NVLink default of `allreduce_latency`.
    public var allReduce: AllReduceImplementation?
    /// Time of one small tensor-parallel all-reduce (seconds), the latency term of latency + bytes / bandwidth.
    public var allReduceLatency: Sourced<Seconds>?
    /// Fraction of the per-direction link bandwidth a large all-reduce reaches.
    public var allReduceBandwidth: Sourced<Fraction>?
    /// Latency of one expert-parallel all-to-all (dispatch or combine), seconds.
    public var allToAllLatency: Sourced<Seconds>?
    /// Fraction of the per-direction link bandwidth an all-to-all (dispatch or combine) reaches.
    public var allToAllBandwidth: Sourced<Fraction>?
    /// Bytes/s one device sends to other nodes (its network link, per direction): the link an expert-parallel
    /// all-to-all crosses when the expert group is wider than the NVLink node (`alltoall_*` figures are then the
    /// RDMA ones). Not used on profiles whose own link is already the network.
    public var scaleOutBandwidth: Sourced<BytesPerSecond>?
    /// Routing bias: how many times the uniform expectation the hottest expert's share is (1: uniform routing,
    /// whose balls-into-bins excess the model adds on its own).
    public var routingBias: Sourced<Fraction>?
    /// Host time per step outside kernels (scheduler, sampler, input preparation), seconds.
    public var stepOverhead: Sourced<Seconds>?

    public init(
        gemmCompute: DTypeCurves? = nil, gemmBandwidth: DTypeCurves? = nil, gemmSize: SourcedCurve? = nil,
        attentionPrefill: SourcedCurve? = nil, attentionDecode: SourcedCurve? = nil,
        attentionDecodeLatency: Sourced<Seconds>? = nil, moeBandwidth: SourcedCurve? = nil,
        moeCompute: Sourced<Fraction>? = nil, kernelFloor: Sourced<Seconds>? = nil, elementwiseBandwidth: Sourced<Fraction>? = nil,
        elementwiseLatency: Sourced<Seconds>? = nil, launch: LaunchMode? = nil, eagerLaunch: Sourced<Seconds>? = nil, allReduceLatency: Sourced<Seconds>? = nil,
        allReduceBandwidth: Sourced<Fraction>? = nil, allToAllLatency: Sourced<Seconds>? = nil,
        routingBias: Sourced<Fraction>? = nil, stepOverhead: Sourced<Seconds>? = nil,
        allReduce: AllReduceImplementation? = nil, elementwiseOps: ElementwiseOpFigures? = nil,
        allToAllBandwidth: Sourced<Fraction>? = nil, scaleOutBandwidth: Sourced<BytesPerSecond>? = nil
    ) {
        self.scaleOutBandwidth = scaleOutBandwidth
        self.allReduce = allReduce
        self.elementwiseOps = elementwiseOps
        self.allToAllBandwidth = allToAllBandwidth
        self.gemmCompute = gemmCompute
        self.gemmBandwidth = gemmBandwidth
        self.gemmSize = gemmSize
        self.attentionPrefill = attentionPrefill
        self.attentionDecode = attentionDecode
        self.attentionDecodeLatency = attentionDecodeLatency
        self.moeBandwidth = moeBandwidth
        self.moeCompute = moeCompute
        self.kernelFloor = kernelFloor
        self.elementwiseBandwidth = elementwiseBandwidth
        self.elementwiseLatency = elementwiseLatency
        self.launch = launch
        self.eagerLaunch = eagerLaunch
        self.allReduceLatency = allReduceLatency
        self.allReduceBandwidth = allReduceBandwidth
        self.allToAllLatency = allToAllLatency
        self.routingBias = routingBias
        self.stepOverhead = stepOverhead
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case gemmCompute = "gemm_compute", gemmBandwidth = "gemm_bandwidth", gemmSize = "gemm_size"
        case attentionPrefill = "attention_prefill", attentionDecode = "attention_decode"
        case attentionDecodeLatency = "attention_decode_latency"
        case moeBandwidth = "moe_bandwidth", moeCompute = "moe_compute"
        case kernelFloor = "kernel_floor", elementwiseBandwidth = "elementwise_bandwidth", launch
        case elementwiseLatency = "elementwise_latency"
        case eagerLaunch = "eager_launch", allReduceLatency = "allreduce_latency"
        case allReduceBandwidth = "allreduce_bandwidth", allToAllLatency = "alltoall_latency"
        case routingBias = "routing_bias", stepOverhead = "step_overhead", allReduce = "allreduce"
        case elementwiseOps = "elementwise_ops", allToAllBandwidth = "alltoall_bandwidth"
        case scaleOutBandwidth = "scaleout_bandwidth"
    }

    /// These figures over the defaults. Figures that set `elementwise_latency` or `elementwise_bandwidth` mean
    /// them for every elementwise operation they do not name in `elementwise_ops`: the default per-operation
    /// figures (fitted on H100) are then not inherited.
    public func resolved() -> StepTimeParameters {
        var base = StepTimeParameters.defaults
        if elementwiseLatency != nil || elementwiseBandwidth != nil { base.elementwiseOps = nil }
        return merged(over: base)
    }

    /// Every field from `self` where set, else from `base` (curves per dtype).
    public func merged(over base: StepTimeParameters) -> StepTimeParameters {
        StepTimeParameters(
            gemmCompute: gemmCompute.map { $0.merged(over: base.gemmCompute ?? DTypeCurves()) } ?? base.gemmCompute,
            gemmBandwidth: gemmBandwidth.map { $0.merged(over: base.gemmBandwidth ?? DTypeCurves()) } ?? base.gemmBandwidth,
            gemmSize: gemmSize ?? base.gemmSize, attentionPrefill: attentionPrefill ?? base.attentionPrefill,
            attentionDecode: attentionDecode ?? base.attentionDecode,
            attentionDecodeLatency: attentionDecodeLatency ?? base.attentionDecodeLatency, moeBandwidth: moeBandwidth ?? base.moeBandwidth,
            moeCompute: moeCompute ?? base.moeCompute, kernelFloor: kernelFloor ?? base.kernelFloor,
            elementwiseBandwidth: elementwiseBandwidth ?? base.elementwiseBandwidth,
            elementwiseLatency: elementwiseLatency ?? base.elementwiseLatency, launch: launch ?? base.launch,
            eagerLaunch: eagerLaunch ?? base.eagerLaunch, allReduceLatency: allReduceLatency ?? base.allReduceLatency,
            allReduceBandwidth: allReduceBandwidth ?? base.allReduceBandwidth,
            allToAllLatency: allToAllLatency ?? base.allToAllLatency, routingBias: routingBias ?? base.routingBias,
            stepOverhead: stepOverhead ?? base.stepOverhead, allReduce: allReduce ?? base.allReduce,
            elementwiseOps: elementwiseOps.map { $0.merged(over: base.elementwiseOps ?? ElementwiseOpFigures()) }
                ?? base.elementwiseOps,
            allToAllBandwidth: allToAllBandwidth ?? base.allToAllBandwidth,
            scaleOutBandwidth: scaleOutBandwidth ?? base.scaleOutBandwidth)
    }
}

/// The all-reduce a serving engine runs between tensor-parallel ranks on NVLink.
public enum AllReduceImplementation: String, Hashable, Codable, Sendable, CaseIterable, ProfileKeyword {
    /// A one-shot custom kernel over peer memory (TensorRT-LLM's, and vLLM's and SGLang's for small messages).
    case custom
    /// NCCL (ring or tree), as engines fall back to for large messages or without peer access.
    case nccl

    /// Named in the decoding error for a value that is none of the cases.
    public static let kindName = "an all-reduce"

    /// `custom or nccl`, for help text.
    public static var names: String { allCases.map(\.rawValue).joined(separator: " or ") }
}

/// How a serving engine launches a step's kernels.
public enum LaunchMode: String, Hashable, Codable, Sendable, CaseIterable, ProfileKeyword {
    /// Captured once and replayed as a CUDA graph: kernels run back to back (vLLM and TensorRT-LLM decode).
    case graph
    /// Launched one by one from the host: a kernel shorter than the launch cost waits for the host.
    case eager

    /// Named in the decoding error for a value that is none of the cases.
    public static let kindName = "a launch mode"
}

extension HardwareProfile {
    /// The step-time figures this profile uses: its own `step_time` over the defaults (`resolved()`).
    public var resolvedStepTime: StepTimeParameters {
        (stepTime ?? StepTimeParameters()).resolved()
    }
}
