#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sums a step's kernels into its time on one device (`docs/sizing.md`, "Step time").
///
/// Kernels on a device run one after another; pipeline stages run one after another for one step's tokens, so
/// their times add, with one send per stage boundary. Communication is not overlapped with compute.
public enum StepTimeModel {
    /// The time of `work` on `hardware`.
    public static func time(_ work: StepWork, hardware: HardwareProfile) -> StepTime {
        time(work, kernels: KernelTimes(hardware: hardware))
    }

    public static func time(_ work: StepWork, kernels: KernelTimes) -> StepTime {
        var total = StepTime()
        for stage in work.stages {
            for layer in stage.layers where layer.count > 0 {
                total = total + self.layer(layer, work: work, kernels: kernels).scaled(by: layer.count)
            }
            total = total + head(stage, work: work, kernels: kernels)
        }
        let message = work.tokens * work.hidden * work.activationBytes
        let boundaries = max(0, work.stages.count - 1)
        total.communication += Double(boundaries) * kernels.send(bytes: message)
        total.overhead += kernels.parameters.stepOverhead?.value ?? 0
        if boundaries > 0 {
            let pp = Double(work.stages.count), micro = min(max(work.sequences, 1), pp)
            total.pipelineBubble = (pp - 1) / (micro + pp - 1)
        }
        return total
    }

    /// One layer: its GEMMs, routed experts, mixer kernel, elementwise kernels and all-reduces.
    static func layer(_ layer: LayerWork, work: StepWork, kernels: KernelTimes) -> StepTime {
        var t = StepTime()
        var launched: [Double] = []
        for shape in layer.gemms {
            let g = kernels.gemm(shape, m: work.tokens, peak: work.peak, computeBits: work.computeBits,
                                 computeIsFloat: work.computeIsFloat, activationBytes: work.activationBytes)
            t.gemm += g.seconds
            if g.computeBound { t.computeBound += g.seconds }
            launched.append(g.seconds)
        }
        if let moe = layer.moe {
            let experts = self.experts(moe, work: work, kernels: kernels)
            t.moe += experts.seconds
            t.computeBound += experts.computeBound
            t.communication += experts.communication
            launched += experts.launched
        }
        if layer.hasMixerKernel {
            let prefill = work.tokens > work.sequences && layer.attentionFlops > 0
            let seconds = prefill
                ? kernels.prefillAttention(flops: layer.attentionFlops, context: work.context, peak16: work.peak16)
                : kernels.decodeAttention(bytes: layer.cacheBytes)
            t.attention += seconds
            if prefill { t.computeBound += seconds }
            launched.append(seconds)
        }
        for kernel in layer.elementwise {
            let seconds = kernels.elementwise(bytes: work.tokens * kernel.bytesPerToken(activationBytes: work.activationBytes),
                                              op: kernel.op)
            t.elementwise += seconds
            launched.append(seconds)
        }
        if work.tp > 1 {
            let reduce = kernels.allReduce(message: work.tokens * work.hidden * work.activationBytes, ranks: work.tp)
            t.communication += Double(layer.allReduces) * reduce
            launched += Array(repeating: reduce, count: layer.allReduces)
        }
        t.kernels = launched.count
        t.launch = launched.reduce(0) { $0 + kernels.launchWait(kernel: $1) }
        return t
    }

    /// Routed experts on one device: each grouped GEMM reads the weights of the experts the step touches (at
    /// `moe_bandwidth` of the bytes the layer's grouped GEMMs stream together) and computes the rows routed to this
    /// device, skew included; expert parallelism adds dispatch and combine. With attention data parallelism the
    /// experts see every replica's tokens (dp x tokens) and each rank dispatches its share of its replica's
    /// tokens (tokens / tp).
    static func experts(_ moe: MoEWork, work: StepWork, kernels: KernelTimes)
        -> (seconds: Double, computeBound: Double, communication: Double, launched: [Double]) {
        let e = Double(max(moe.experts, 1)), k = Double(min(max(moe.topK, 1), max(moe.experts, 1)))
        let ep = Double(max(1, min(work.ep, moe.experts)))
        let dp = Double(max(1, work.dp))
        let routing = RoutingLoad(tokens: work.tokens * dp, experts: e, topK: k, ranks: ep,
                                  bias: kernels.parameters.routingBias?.value ?? 1)
        var seconds = 0.0, bound = 0.0, launched: [Double] = []
        let streamed = routing.activeExperts * moe.gemms.reduce(0) { $0 + $1.weightBytes }
        let grouped = kernels.parameters.moeBandwidth.map { max(1e-3, $0.value(at: streamed)) }
        for shape in moe.gemms {
            let m = routing.rowsPerActiveExpert
            // A grouped kernel fills the device with all its experts' tiles: gemm_size reads their N x K together.
            let one = kernels.gemmParts(shape, m: m, peak: work.peak, computeBits: work.computeBits,
                                        computeIsFloat: work.computeIsFloat, activationBytes: work.activationBytes,
                                        sizeElements: grouped == nil ? nil : routing.activeExperts * shape.n * shape.k)
            var compute = one.compute * routing.activeExperts
            var memory = one.memory * routing.activeExperts
            var time = max(compute, memory, kernels.floor)
            if let grouped {
                let bytes = shape.weightBytes + m * (shape.n + shape.k) * work.activationBytes
                memory = routing.activeExperts * bytes / (kernels.bandwidth * grouped)
                compute /= max(1e-3, kernels.parameters.moeCompute?.value ?? 1)
                // A grouped kernel overlaps its weight streaming and its arithmetic less than a dense GEMM does:
                // near the ridge both show (sqrt of the sum of squares), far from it the larger one.
                time = max((compute * compute + memory * memory).squareRoot(), kernels.floor)
            }
            seconds += time
            if compute >= memory { bound += time }
            launched.append(time)
        }
        var communication = 0.0
        if ep > 1 {
            let sent = (dp > 1 ? work.tokens / Double(max(work.tp, 1)) : work.tokens) * k * work.hidden
            // An fp8 model dispatches fp8 activations with one fp32 scale per 128 (DeepEP, pplx-kernels) and
            // combines at the activation width.
            let dispatchBytes = work.computeBits <= 8 && work.computeIsFloat ? 1 + 4.0 / 128 : work.activationBytes
            let dispatch = kernels.allToAll(bytes: sent * dispatchBytes, ranks: Int(ep), acrossNodes: work.expertsCrossNodes)
            let combine = kernels.allToAll(bytes: sent * work.activationBytes, ranks: Int(ep),
                                           acrossNodes: work.expertsCrossNodes)
            communication = dispatch + combine
            launched += [dispatch, combine]
        }
        return (seconds, bound, communication, launched)
    }

    /// The model-level kernels of a stage: lm_head rows are one per sequence.
    static func head(_ stage: StageWork, work: StepWork, kernels: KernelTimes) -> StepTime {
        var t = StepTime()
        var launched: [Double] = []
        for shape in stage.headGEMMs {
            let g = kernels.gemm(shape, m: work.sequences, peak: work.peak, computeBits: 16, computeIsFloat: true,
                                 activationBytes: work.activationBytes)
            t.gemm += g.seconds
            if g.computeBound { t.computeBound += g.seconds }
            launched.append(g.seconds)
        }
        for kernel in stage.elementwise {
            let seconds = kernels.elementwise(bytes: work.tokens * kernel.bytesPerToken(activationBytes: work.activationBytes),
                                              op: kernel.op)
            t.elementwise += seconds
            launched.append(seconds)
        }
        t.kernels = launched.count
        t.launch = launched.reduce(0) { $0 + kernels.launchWait(kernel: $1) }
        return t
    }
}

/// How routed tokens land on experts and expert-parallel ranks.
///
/// Each of `tokens` tokens picks `topK` of `experts`. The expected number of distinct experts touched is
/// experts x (1 - (1 - topK / experts)^tokens); with `ranks` expert-parallel ranks, one rank holds experts /
/// ranks of them and receives on average tokens x topK / ranks rows, the busiest about bias x mean +
/// sqrt(2 x bias x mean x ln ranks) (the balls-into-bins maximum), never more than tokens x topK.
public struct RoutingLoad: Hashable, Sendable {
    /// Distinct experts this rank's grouped GEMMs touch (their weights are read).
    public var activeExperts: Double
    /// Rows (token-expert pairs) the busiest rank computes.
    public var rows: Double
    /// Rows per touched expert: the M each expert's GEMM sees.
    public var rowsPerActiveExpert: Double

    public init(tokens: Double, experts: Double, topK: Double, ranks: Double = 1, bias: Double = 1) {
        let share = min(1, topK / max(experts, 1))
        let touched = experts * (1 - pow(1 - share, max(tokens, 0)))
        activeExperts = max(min(touched, experts) / max(ranks, 1), tokens > 0 ? 1 : 0)
        let mean = tokens * topK / max(ranks, 1)
        let busiest = ranks > 1 ? bias * mean + (2 * bias * mean * log(ranks)).squareRoot() : bias * mean
        rows = min(busiest, tokens * topK)
        rowsPerActiveExpert = activeExperts > 0 ? max(1, rows / activeExperts) : 0
    }
}
