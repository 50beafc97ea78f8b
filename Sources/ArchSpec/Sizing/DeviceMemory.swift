/// Memory of the fullest device, bytes.
public struct DeviceMemory: Hashable, Codable, Sendable {
    /// Device memory from the hardware profile.
    public var capacity: Int128
    /// Weight shard, scales, norms and biases.
    public var weights: Int128
    /// KV cache for `batch` sequences of `context` tokens (this device's heads and layers).
    public var kvCache: Int128
    /// Peak transient tensors of the largest forward step (a prefill chunk), logits included.
    public var activations: Int128
    /// Held back for the runtime: the runtime parts (`overhead.total`), or a flat reserve (`reserveBasis`).
    public var reserve: Int128
    /// `weights + kvCache + activations + reserve`.
    public var total: Int128

    /// The runtime's overhead, part by part, when the runtime-parts model set `reserve` (nil for a flat reserve).
    public var overhead: RuntimeOverhead? = nil
    /// Where `reserve` comes from.
    public var reserveBasis: ReserveBasis = .runtimeParts

    /// Whether `total` is within `capacity`.
    public var fits: Bool { total <= capacity }
    /// `capacity - total`: free bytes, negative when over.
    public var headroom: Int128 { capacity - total }
}

enum MemoryPlan {
    /// The device memory of the fullest stage at `batch` x `context`. With attention data parallelism each
    /// device holds the cache and activations of its replica's batch / dp sequences.
    static func plan(
        _ spec: ArchitectureSpec, model: ShardedModel, layout: ParallelLayout, hardware: HardwareProfile,
        context: Int, batch: Int, request: SizingRequest, activationBits: Int
    ) throws(SizingError) -> DeviceMemory {
        let batch = layout.sequencesPerReplica(batch)
        let capacity = Int128(hardware.memory.value.rounded())
        let activations = try activationBytes(
            spec, layout: layout, context: context, batch: batch, chunk: request.prefillChunk, bits: activationBits)
        var overhead: RuntimeOverhead?
        var basis = ReserveBasis.runtimeParts
        let reserve: Int128
        switch request.reserve {
        case .fraction(let share):
            (reserve, basis) = (Int128((hardware.memory.value * share).rounded()), .requested)
        case .bytes(let bytes):
            (reserve, basis) = (bytes, .requested)
        case nil where request.kvAccounting == .ideal && hardware.reserveFraction != nil:
            (reserve, basis) = (Int128((hardware.memory.value * (hardware.reserveFraction ?? 0)).rounded()), .profile)
        case nil:
            let parts = RuntimeOverhead.estimate(request.kvAccounting, capacity: hardware.memory.value, layout: layout,
                                                 chunk: request.prefillChunk, activations: activations)
            (overhead, reserve) = (parts, parts.total)
        }
        var best: DeviceMemory?
        for stage in model.weightsPerStage.indices {
            let kv = try model.kvBytes(stage: stage, context: context, batch: batch)
            let total = try Wide.add(model.weightsPerStage[stage], kv, activations, reserve, term: "memory")
            if best == nil || total > best!.total {
                best = DeviceMemory(
                    capacity: capacity, weights: model.weightsPerStage[stage], kvCache: kv, activations: activations,
                    reserve: reserve, total: total, overhead: overhead, reserveBasis: basis)
            }
        }
        guard let best else { throw .invalidOption("the layout has no stages") }
        return best
    }

    /// Transient tensors of one prefill step of `min(batch x context, chunk)` tokens on one device.
    ///
    /// Per token: the residual and the normed input (hidden each), this device's q, k and v (MLA: its heads'
    /// q, k and v plus the latent), and its share of the widest feed-forward (dense MLP, or top_k experts plus
    /// the shared ones; twice for gated MLPs), at the activation width; plus fp32 logits over this device's
    /// vocabulary slice for the last position of each sequence in the step. Flash attention is assumed: no
    /// S x S score matrix is stored.
    static func activationBytes(
        _ spec: ArchitectureSpec, layout: ParallelLayout, context: Int, batch: Int, chunk: Int, bits: Int
    ) throws(SizingError) -> Int128 {
        let tp = Int128(layout.tp)
        let allTokens = try Wide.mul(Int128(context), Int128(batch), term: "activations")
        let stepTokens = min(allTokens, Int128(max(chunk, 1)))
        let hidden = Int128(spec.hiddenSize), headDim = Int128(spec.attention.headDim)
        let headsHere = Int128(spec.attention.heads) / tp
        let qkv: Int128
        if let mla = spec.attention.mla {
            qkv = headsHere * Int128(2 * mla.qkHeadDim + mla.vHeadDim) + Int128(mla.kvLoraRank + mla.qkRopeHeadDim)
        } else {
            qkv = headsHere * headDim + Int128(layout.kvHeadsPerDevice(spec))
                * Int128(spec.attention.headDim + spec.attention.valueHeadDim)
        }
        var width = Int128(spec.mlp.intermediateSize)
        if let moe = spec.moe {
            width = max(width, Int128(moe.topK) * Int128(moe.expertIntermediateSize)
                        + Int128(moe.sharedExperts) * Int128(moe.sharedExpertIntermediateSize))
        }
        let inter = (width + tp - 1) / tp * (spec.mlp.kind == .gated ? 2 : 1)
        let perToken = try Wide.add(2 * hidden, qkv, inter, term: "activations")
        let hiddenBytes = try Wide.bytes(try Wide.mul(stepTokens, perToken, term: "activations"), bits: bits,
                                         term: "activations")
        let sequencesInStep = min(Int128(batch), stepTokens)
        let logits = try Wide.mul(4, sequencesInStep, (Int128(spec.vocabSize) + tp - 1) / tp, term: "logits")
        return try Wide.add(hiddenBytes, logits, term: "activations")
    }
}
