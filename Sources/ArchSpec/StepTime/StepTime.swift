/// The time of one step, term by term (seconds, one device, pipeline stages summed).
public struct StepTime: Hashable, Codable, Sendable {
    /// Dense weight GEMMs (attention projections, MLPs, shared experts, router, lm_head).
    public var gemm: Double
    /// Routed-expert grouped GEMMs, skew included.
    public var moe: Double
    /// Attention (or state-update) kernels: prefill FLOPs or decode KV reads.
    public var attention: Double
    /// Elementwise and norm kernels, each at least the kernel floor.
    public var elementwise: Double
    /// Time kernels wait for eager host launches (0 under CUDA graphs).
    public var launch: Double
    /// Tensor-parallel all-reduces, expert-parallel all-to-alls and pipeline sends.
    public var communication: Double
    /// Host time per step outside kernels.
    public var overhead: Double
    /// Kernels launched in the step (all stages).
    public var kernels: Int
    /// Of the GEMM and expert time, the part bound by compute (the rest is bound by weight streaming or the floor).
    public var computeBound: Double
    /// Pipeline bubble: the idle share of each device when `pp` stages pipeline `min(sequences, pp)`
    /// micro-batches, (pp - 1) / (micro-batches + pp - 1); 0 without pipeline parallelism.
    public var pipelineBubble: Double

    public init(gemm: Double = 0, moe: Double = 0, attention: Double = 0, elementwise: Double = 0, launch: Double = 0,
                communication: Double = 0, overhead: Double = 0, kernels: Int = 0, computeBound: Double = 0,
                pipelineBubble: Double = 0) {
        self.gemm = gemm
        self.moe = moe
        self.attention = attention
        self.elementwise = elementwise
        self.launch = launch
        self.communication = communication
        self.overhead = overhead
        self.kernels = kernels
        self.computeBound = computeBound
        self.pipelineBubble = pipelineBubble
    }

    /// The step's wall time: every term added (kernels run one after another on a device).
    public var seconds: Double { gemm + moe + attention + elementwise + launch + communication + overhead }

    /// Term by term sum of two steps (kernel counts added, the bubble kept from `self`).
    static func + (a: StepTime, b: StepTime) -> StepTime {
        StepTime(gemm: a.gemm + b.gemm, moe: a.moe + b.moe, attention: a.attention + b.attention,
                 elementwise: a.elementwise + b.elementwise, launch: a.launch + b.launch,
                 communication: a.communication + b.communication, overhead: a.overhead + b.overhead,
                 kernels: a.kernels + b.kernels, computeBound: a.computeBound + b.computeBound,
                 pipelineBubble: a.pipelineBubble)
    }

    /// Every term multiplied by `factor` (kernel count included).
    func scaled(by factor: Int) -> StepTime {
        let f = Double(factor)
        return StepTime(gemm: gemm * f, moe: moe * f, attention: attention * f, elementwise: elementwise * f,
                        launch: launch * f, communication: communication * f, overhead: overhead * f,
                        kernels: kernels * factor, computeBound: computeBound * f, pipelineBubble: pipelineBubble)
    }
}
