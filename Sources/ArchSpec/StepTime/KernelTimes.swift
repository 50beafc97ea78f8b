
/// Time of single kernels from a device's step-time figures. Each returns seconds on one device.
public struct KernelTimes: Sendable {
    public var parameters: StepTimeParameters
    /// Peak memory bandwidth, bytes/s.
    public var bandwidth: Double
    /// Per-direction link bandwidth between devices, bytes/s.
    public var link: Double

    /// The figures of `hardware`. The all-reduce latency is, in order: the profile's `step_time.allreduce_latency`,
    /// its `interconnect.latency`, for an NVLink link the default of the chosen all-reduce (`step_time.allreduce`:
    /// custom 4.3 us, nccl 16.84 us), else archcalc's 10 us collective default (PCIe, Ethernet, InfiniBand and
    /// other links, whose small all-reduces take longer). The all-to-all figures, unless the profile sets them, are
    /// the NVLink defaults (pplx-kernels) on an NVLink link and DeepEP's RDMA figures on any other.
    public init(hardware: HardwareProfile) {
        parameters = hardware.resolvedStepTime
        if hardware.stepTime?.allReduceLatency == nil {
            if let latency = hardware.interconnect.latency {
                parameters.allReduceLatency = latency
            } else if hardware.interconnect.isNVLink {
                if parameters.allReduce == .nccl { parameters.allReduceLatency = StepTimeParameters.ncclAllReduceLatency }
            } else {
                parameters.allReduceLatency = Sourced(
                    Efficiency.defaultLatency, source: "archcalc's collective latency default for links other than"
                        + " NVLink (docs/hardware.md), not measured")
            }
        }
        if hardware.interconnect.isNVLink {
            scaleOut = (StepTimeParameters.rdmaAllToAllLatency, StepTimeParameters.rdmaAllToAllBandwidth,
                        parameters.scaleOutBandwidth ?? StepTimeParameters.scaleOutLink)
        } else {
            if hardware.stepTime?.allToAllLatency == nil { parameters.allToAllLatency = StepTimeParameters.rdmaAllToAllLatency }
            if hardware.stepTime?.allToAllBandwidth == nil {
                parameters.allToAllBandwidth = StepTimeParameters.rdmaAllToAllBandwidth
            }
        }
        bandwidth = hardware.memoryBandwidth.value
        link = hardware.interconnect.bandwidth.value
    }

    public init(parameters: StepTimeParameters, bandwidth: Double, link: Double) {
        self.parameters = parameters.resolved()
        self.bandwidth = bandwidth
        self.link = link
    }

    var floor: Double { parameters.kernelFloor?.value ?? 0 }

    /// A weight GEMM of `m` tokens: the longer of its compute time and its weight-streaming time, at least the
    /// kernel floor. Returns the time and whether compute bounds it.
    ///
    /// compute = 2 m n k / (peak x e_c(m) x s(n k)); memory = (n k bits/8 + m (n + k) act) / (bw x e_m(m) x s(n k)).
    public func gemm(_ shape: WeightGEMM, m: Double, peak: Double, computeBits: Int, computeIsFloat: Bool,
                     activationBytes: Double = 2) -> (seconds: Double, computeBound: Bool) {
        let parts = gemmParts(shape, m: m, peak: peak, computeBits: computeBits, computeIsFloat: computeIsFloat,
                              activationBytes: activationBytes)
        return (max(parts.compute, parts.memory, floor), parts.compute >= parts.memory && parts.compute >= floor)
    }

    /// The compute and memory times of a GEMM before the max and the floor. `sizeElements` is the N x K that
    /// `gemm_size` reads (default: this shape's; a grouped expert kernel passes all its experts' together).
    public func gemmParts(_ shape: WeightGEMM, m: Double, peak: Double, computeBits: Int, computeIsFloat: Bool,
                          activationBytes: Double = 2, sizeElements: Double? = nil) -> (compute: Double, memory: Double) {
        let size = parameters.gemmSize?.value(at: sizeElements ?? shape.n * shape.k) ?? 1
        let computeCurve = parameters.gemmCompute?.curve(bits: computeBits, float: computeIsFloat)
            ?? parameters.gemmCompute?.bf16
        let memoryCurve = parameters.gemmBandwidth?.curve(bits: shape.weightBits, float: shape.weightIsFloat)
            ?? parameters.gemmBandwidth?.bf16
        let eCompute = max(1e-3, (computeCurve?.value(at: m) ?? 1) * size)
        let eMemory = max(1e-3, (memoryCurve?.value(at: m) ?? 1) * size)
        let compute = 2 * m * shape.n * shape.k / (peak * eCompute)
        let bytes = shape.weightBytes + m * (shape.n + shape.k) * activationBytes
        return (compute, bytes / (bandwidth * eMemory))
    }

    /// FlashAttention-class prefill: `flops` at the 16-bit peak times the context's efficiency.
    public func prefillAttention(flops: Double, context: Double, peak16: Double) -> Double {
        let e = max(1e-3, parameters.attentionPrefill?.value(at: context) ?? 1)
        return max(flops / (peak16 * e), floor)
    }

    /// Paged decode attention: its fixed latency plus `bytes` of KV read at the efficiency for that many bytes,
    /// at least the kernel floor.
    public func decodeAttention(bytes: Double) -> Double {
        let e = max(1e-3, parameters.attentionDecode?.value(at: bytes) ?? 1)
        return max((parameters.attentionDecodeLatency?.value ?? 0) + bytes / (bandwidth * e), floor)
    }

    /// An elementwise or norm kernel of `op` moving `bytes`: the operation's fixed latency plus the bytes at its
    /// bandwidth fraction (`elementwise_ops.<op>`, else `elementwise_latency` and `elementwise_bandwidth`), at least
    /// the kernel floor.
    public func elementwise(bytes: Double, op: ElementwiseOp? = nil) -> Double {
        let own = op.flatMap { figures(for: $0) }
        let latency = own?.latency?.value ?? parameters.elementwiseLatency?.value ?? 0
        let fraction = max(1e-3, own?.bandwidth?.value ?? parameters.elementwiseBandwidth?.value ?? 1)
        return max(latency + bytes / (bandwidth * fraction), floor)
    }

    /// The profile's own figures for `op`, if it has a key for that operation.
    func figures(for op: ElementwiseOp) -> ElementwiseFigures? {
        let ops = parameters.elementwiseOps
        switch op {
        case .norm: return ops?.norm
        case .addNorm: return ops?.addNorm
        case .residualAdd: return ops?.residualAdd
        case .rope: return ops?.rope
        case .gatedActivation, .activation: return ops?.activation
        case .quantize, .copy: return nil
        }
    }

    /// A ring all-reduce of `message` bytes over `ranks`: latency + 2 (ranks - 1) / ranks x message / (link x e).
    public func allReduce(message: Double, ranks: Int) -> Double {
        guard ranks > 1 else { return 0 }
        let r = Double(ranks)
        return (parameters.allReduceLatency?.value ?? 0)
            + 2 * (r - 1) / r * message / (link * (parameters.allReduceBandwidth?.value ?? 1))
    }

    /// One all-to-all (dispatch or combine) sending `bytes` from each rank to the others:
    /// `alltoall_latency` + (ranks - 1) / ranks x bytes / (link x `alltoall_bandwidth`).
    public func allToAll(bytes: Double, ranks: Int, acrossNodes: Bool = false) -> Double {
        guard ranks > 1 else { return 0 }
        let r = Double(ranks)
        if acrossNodes, let nic = scaleOut {
            let fraction = max(1e-3, nic.bandwidth.value)
            return nic.latency.value + (r - 1) / r * bytes / (nic.link.value * fraction)
        }
        let fraction = max(1e-3, parameters.allToAllBandwidth?.value ?? parameters.allReduceBandwidth?.value ?? 1)
        return (parameters.allToAllLatency?.value ?? 0) + (r - 1) / r * bytes / (link * fraction)
    }

    /// The all-to-all figures across nodes when the profile's link is NVLink (which ends at the node): DeepEP's
    /// RDMA latency and bandwidth share over the device's network link (`step_time.scaleout_bandwidth`, default one
    /// 400 Gb/s NIC per device). `nil` on other links, whose own figures
    /// (the RDMA ones unless the profile sets them) already describe the path between nodes.
    public var scaleOut: (latency: Sourced<Seconds>, bandwidth: Sourced<Fraction>, link: Sourced<BytesPerSecond>)?

    /// A point-to-point send between pipeline stages.
    public func send(bytes: Double) -> Double {
        (parameters.allReduceLatency?.value ?? 0) + bytes / (link * (parameters.allReduceBandwidth?.value ?? 1))
    }

    /// Time a kernel of `seconds` occupies when launched in `mode`: under eager launch, at least the host's
    /// launch cost (the GPU waits for the next launch). Returns the extra wait.
    public func launchWait(kernel seconds: Double) -> Double {
        guard parameters.launch == .eager else { return 0 }
        return max(0, (parameters.eagerLaunch?.value ?? 0) - seconds)
    }
}
