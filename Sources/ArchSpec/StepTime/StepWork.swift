/// One forward step as the step-time model sees it: per pipeline stage, the layers and their kernels on one
/// device, and the step's shape. Built by `Sizing/StepWorkBuilder` from a sized layout; tests build it by hand.
public struct StepWork: Hashable, Sendable {
    /// Tokens the step processes (M of every token-parallel GEMM): a prefill chunk, or one per decoding sequence.
    public var tokens: Double
    /// Sequences in the step (rows of the lm_head GEMM: the last position of each).
    public var sequences: Double
    /// Tokens each sequence attends over (the prefill context, or the cached context during decode).
    public var context: Double
    /// Hidden size: the width of elementwise kernels and all-reduce messages.
    public var hidden: Double
    /// Bytes per activation element (2 for 16-bit).
    public var activationBytes: Double
    /// Tensor-parallel ranks (all-reduce group size).
    public var tp: Int
    /// Expert-parallel ranks for routed experts (1: experts split by tensor parallelism).
    public var ep: Int
    /// Attention data-parallel replicas whose tokens meet at the routed experts (1: none): `tokens` are one
    /// replica's, the experts see dp x tokens spread over `ep` ranks.
    public var dp: Int
    /// Whether the expert-parallel all-to-all crosses nodes (priced at the RDMA figures over the NIC).
    public var expertsCrossNodes: Bool
    /// The matmul dtype: its bits and whether it is a float format (fp8/fp4 vs int8/int4).
    public var computeBits: Int
    public var computeIsFloat: Bool
    /// Peak dense FLOP/s of one device in the compute dtype, and in 16 bits (attention runs in 16 bits).
    public var peak: Double
    public var peak16: Double
    /// Each pipeline stage: its layer groups, then the model-level kernels it holds (embedding, lm_head).
    public var stages: [StageWork]

    public init(tokens: Double, sequences: Double, context: Double, hidden: Double, activationBytes: Double = 2,
                tp: Int = 1, ep: Int = 1, dp: Int = 1, expertsCrossNodes: Bool = false, computeBits: Int = 16, computeIsFloat: Bool = true, peak: Double,
                peak16: Double, stages: [StageWork]) {
        self.tokens = tokens
        self.sequences = sequences
        self.context = context
        self.hidden = hidden
        self.activationBytes = activationBytes
        self.tp = tp
        self.ep = ep
        self.dp = dp
        self.expertsCrossNodes = expertsCrossNodes
        self.computeBits = computeBits
        self.computeIsFloat = computeIsFloat
        self.peak = peak
        self.peak16 = peak16
        self.stages = stages
    }
}

/// The kernels of one pipeline stage on one device.
public struct StageWork: Hashable, Sendable {
    /// Groups of identical layers.
    public var layers: [LayerWork]
    /// Model-level GEMMs on this stage (lm_head on the last), with M = `StepWork.sequences`.
    public var headGEMMs: [WeightGEMM]
    /// Model-level elementwise kernels (embedding gather, final norm, sampling).
    public var elementwise: [ElementwiseKernel]

    public init(layers: [LayerWork], headGEMMs: [WeightGEMM] = [], elementwise: [ElementwiseKernel] = []) {
        self.layers = layers
        self.headGEMMs = headGEMMs
        self.elementwise = elementwise
    }
}

/// `count` identical layers.
public struct LayerWork: Hashable, Sendable {
    public var count: Int
    /// Token-parallel weight GEMMs of one layer (fused where engines fuse them: qkv, gate_up).
    public var gemms: [WeightGEMM]
    /// Routed experts, if the layer has them.
    public var moe: MoEWork?
    /// Attention FLOPs of one layer in this step on this device (scores and values); 0 for layers without
    /// attention.
    public var attentionFlops: Double
    /// Bytes of KV cache or recurrent state one layer reads in this step on this device.
    public var cacheBytes: Double
    /// Whether the layer runs an attention (or state-update) kernel at all.
    public var hasMixerKernel: Bool
    /// Elementwise and norm kernels of one layer (norms, rope and cache write, activation, quantisation), each
    /// with its own width.
    public var elementwise: [ElementwiseKernel]
    /// Tensor-parallel all-reduces of one layer (after the mixer and after the channel mixer).
    public var allReduces: Int

    public init(count: Int, gemms: [WeightGEMM], moe: MoEWork? = nil, attentionFlops: Double = 0,
                cacheBytes: Double = 0, hasMixerKernel: Bool = true, elementwise: [ElementwiseKernel] = [],
                allReduces: Int = 2) {
        self.count = count
        self.gemms = gemms
        self.moe = moe
        self.attentionFlops = attentionFlops
        self.cacheBytes = cacheBytes
        self.hasMixerKernel = hasMixerKernel
        self.elementwise = elementwise
        self.allReduces = allReduces
    }
}

/// One weight GEMM on one device: y[M, N] = x[M, K] W[K, N], W stored at `weightBits`.
public struct WeightGEMM: Hashable, Sendable {
    public var name: String
    public var n: Double
    public var k: Double
    public var weightBits: Int
    /// Whether the weight format is a float format (fp8/fp4) rather than an integer one.
    public var weightIsFloat: Bool

    public init(name: String, n: Double, k: Double, weightBits: Int, weightIsFloat: Bool = true) {
        self.name = name
        self.n = n
        self.k = k
        self.weightBits = weightBits
        self.weightIsFloat = weightIsFloat
    }

    /// Weight bytes of this shard.
    public var weightBytes: Double { n * k * Double(weightBits) / 8 }
}

/// The routed experts of one layer on one device.
public struct MoEWork: Hashable, Sendable {
    public var experts: Int
    public var topK: Int
    /// One expert's GEMMs as this device holds them (gate_up and down).
    public var gemms: [WeightGEMM]

    public init(experts: Int, topK: Int, gemms: [WeightGEMM]) {
        self.experts = experts
        self.topK = topK
        self.gemms = gemms
    }
}
