/// One elementwise or norm kernel of a step: the operation and the width of the tensor it works on.
///
/// It moves `passes x width x activation bytes` per token on one device, and is timed as
/// `elementwise_latency + bytes / (bandwidth x elementwise_bandwidth)`, at least the kernel floor. Norms and
/// residual adds work on the hidden vector (tensor parallelism does not shrink them); rope works on this rank's
/// q and k heads and the activation on its share of the feed-forward width, both divided by tp.
public struct ElementwiseKernel: Hashable, Sendable {
    public var op: ElementwiseOp
    /// Elements per token of the tensor the kernel works on, on one device.
    public var width: Double

    public init(_ op: ElementwiseOp, width: Double) {
        self.op = op
        self.width = width
    }

    /// Bytes the kernel reads and writes per token, at `activationBytes` per element.
    public func bytesPerToken(activationBytes: Double) -> Double { op.passes * width * activationBytes }
}

/// What an elementwise kernel does, and so how many times it reads or writes its width per token.
public enum ElementwiseOp: String, Hashable, Sendable, CaseIterable {
    /// RMSNorm: reads its input twice (sum of squares, then the scaling) and writes once: 3 passes
    /// (vLLM csrc/layernorm_kernels.cu, `rms_norm_kernel`; vidur times the same kernel through sarathi).
    case norm
    /// Residual add fused into the next RMSNorm, as serving engines run it: reads x and the residual, writes
    /// the sum, reads it again and writes the normed output: 5 passes (`fused_add_rms_norm_kernel`).
    case addNorm
    /// A residual add on its own: reads two vectors, writes one: 3 passes.
    case residualAdd
    /// Rotary embedding applied in place to q and k: reads and writes them once: 2 passes.
    case rope
    /// A gated activation (SiLU-and-mul): reads gate and up (2 x width), writes width: 3 passes.
    case gatedActivation
    /// An ungated activation (GELU): reads and writes width: 2 passes.
    case activation
    /// Quantising activations to 8 bits before a narrow GEMM: reads 2 bytes and writes 1 per element: 1.5 passes
    /// of 16-bit elements.
    case quantize
    /// A gather, scatter or copy (embedding lookup, expert permute, sampling): reads and writes width: 2 passes.
    case copy

    /// Reads plus writes of `width` per token, in activation-width elements.
    public var passes: Double {
        switch self {
        case .norm, .residualAdd, .gatedActivation: 3
        case .addNorm: 5
        case .rope, .activation, .copy: 2
        case .quantize: 1.5
        }
    }
}
