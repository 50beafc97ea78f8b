/// How the model is split across devices: `tp` tensor-parallel ranks within each of `pp` pipeline stages, and
/// the routed experts of each stage spread over `ep` expert-parallel ranks of its tensor-parallel group. With
/// `dp` > 1 (attention data parallelism: SGLang `--enable-dp-attention --dp`, vLLM `--data-parallel-size` with
/// `--enable-expert-parallel`), each stage runs `dp` replicas of its attention and dense layers, each over `tp`
/// ranks and each serving its own sequences, and the routed experts are spread over `ep` of the stage's dp x tp
/// ranks (wide expert parallelism: ep = dp x tp unless given).
public struct ParallelLayout: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Tensor-parallel degree: devices that split every matrix of a stage.
    public var tp: Int
    /// Pipeline-parallel degree: stages, each holding a contiguous run of layers.
    public var pp: Int
    /// Expert-parallel degree, a divisor of `tp`: each of `ep` ranks holds experts / ep of the routed experts,
    /// each split over tp / ep ranks; tokens reach them by an all-to-all dispatch and combine. 1: every routed
    /// expert split over all `tp` ranks, like the dense matrices.
    public var ep: Int
    /// Attention data-parallel replicas in each stage (1: none). Each holds the attention and dense weights
    /// over its `tp` ranks and the KV cache of its own batch / dp sequences.
    public var dp: Int

    public init(tp: Int, pp: Int, ep: Int = 1, dp: Int = 1) {
        self.tp = tp
        self.pp = pp
        self.ep = ep
        self.dp = dp
    }

    /// Devices in total: dp x tp x pp.
    public var devices: Int { dp * tp * pp }

    /// Devices of one stage, over which routed experts are spread: dp x tp.
    public var stageRanks: Int { dp * tp }

    /// Ranks that split each routed expert's matrices: dp x tp / ep.
    public var expertTP: Int { max(1, stageRanks / max(ep, 1)) }

    /// Whether the expert-parallel group spans more devices than share the fast interconnect, so its
    /// all-to-all crosses nodes.
    public func expertsCrossNodes(on hardware: HardwareProfile) -> Bool { ep > hardware.devicesPerNode }

    /// Sequences one replica serves of `batch`: batch / dp, rounded up.
    public func sequencesPerReplica(_ batch: Int) -> Int { dp > 1 ? batch / dp + (batch % dp == 0 ? 0 : 1) : batch }

    public var description: String {
        (dp > 1 ? "dp \(dp) x " : "") + "tp \(tp) x pp \(pp)" + (ep > 1 ? ", ep \(ep)" : "")
    }

    /// Why this layout cannot run `spec` on `hardware`, or `nil` when it can.
    public func problem(for spec: ArchitectureSpec, on hardware: HardwareProfile) -> String? {
        let heads = spec.attention.heads, kv = spec.attention.kvHeads
        if tp < 1 || pp < 1 { return "tp and pp must be at least 1" }
        if heads % tp != 0 { return "tp \(tp) does not divide heads \(heads)" }
        if kv % tp != 0 && tp % kv != 0 { return "tp \(tp) and kv_heads \(kv) do not divide one another" }
        if tp > hardware.devicesPerNode {
            return "tp \(tp) exceeds the \(hardware.devicesPerNode) devices that share \(hardware.interconnect.kind)"
        }
        if pp > spec.layers { return "pp \(pp) exceeds the \(spec.layers) layers" }
        if ep < 1 || dp < 1 { return "ep and dp must be at least 1" }
        if dp > 1 {
            guard ep > 1 else { return "dp \(dp) runs attention data-parallel beside expert parallelism; set ep (dp x tp)" }
            if stageRanks % ep != 0 {
                return "ep \(ep) does not divide dp \(dp) x tp \(tp) (experts are spread over the stage's ranks)"
            }
        }
        if ep > 1 {
            guard let moe = spec.moe, moe.experts > 1 else { return "ep \(ep) needs routed experts; \(spec.name) has none" }
            if dp == 1, tp % ep != 0 {
                return "ep \(ep) does not divide tp \(tp) (experts are spread over the tensor-parallel group)"
            }
            if ep > moe.experts { return "ep \(ep) exceeds the \(moe.experts) routed experts" }
        }
        return nil
    }

    /// Layers held by each stage: as even as possible, the first stages take the remainder.
    public func layersPerStage(_ layers: Int) -> [Int] {
        (0..<pp).map { layers / pp + ($0 < layers % pp ? 1 : 0) }
    }

    /// KV heads one device stores: `kv_heads / tp`, or 1 (replicated) when `tp > kv_heads`.
    public func kvHeadsPerDevice(_ spec: ArchitectureSpec) -> Int {
        max(1, spec.attention.kvHeads / tp)
    }

    /// How many devices hold a copy of each KV head (1 unless `tp > kv_heads`).
    public func kvReplication(_ spec: ArchitectureSpec) -> Int {
        tp > spec.attention.kvHeads ? tp / max(spec.attention.kvHeads, 1) : 1
    }
}
