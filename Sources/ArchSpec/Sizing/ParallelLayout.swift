/// How the model is split across devices: `tp` tensor-parallel ranks within each of `pp` pipeline stages, and
/// the routed experts of each stage spread over `ep` expert-parallel ranks of its tensor-parallel group.
public struct ParallelLayout: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Tensor-parallel degree: devices that split every matrix of a stage.
    public var tp: Int
    /// Pipeline-parallel degree: stages, each holding a contiguous run of layers.
    public var pp: Int
    /// Expert-parallel degree, a divisor of `tp`: each of `ep` ranks holds experts / ep of the routed experts,
    /// each split over tp / ep ranks; tokens reach them by an all-to-all dispatch and combine. 1: every routed
    /// expert split over all `tp` ranks, like the dense matrices.
    public var ep: Int

    public init(tp: Int, pp: Int, ep: Int = 1) {
        self.tp = tp
        self.pp = pp
        self.ep = ep
    }

    /// Devices in total.
    public var devices: Int { tp * pp }

    /// Ranks that split each routed expert's matrices: tp / ep.
    public var expertTP: Int { max(1, tp / max(ep, 1)) }

    public var description: String { "tp \(tp) x pp \(pp)" + (ep > 1 ? ", ep \(ep)" : "") }

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
        if ep < 1 { return "ep must be at least 1" }
        if ep > 1 {
            guard let moe = spec.moe, moe.experts > 1 else { return "ep \(ep) needs routed experts; \(spec.name) has none" }
            if tp % ep != 0 { return "ep \(ep) does not divide tp \(tp) (experts are spread over the tensor-parallel group)" }
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
