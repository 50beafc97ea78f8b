/// Turns a sized layout into the step-time model's `StepWork`: per stage, each layer kind's GEMMs as one device
/// holds them (q/k/v and gate/up fused, as serving engines fuse them), its routed experts, its attention work and
/// its elementwise kernels.
struct StepWorkBuilder {
    var setup: Setup
    var candidate: Candidate

    /// Sequences one device's replica serves: batch / dp with attention data parallelism, else batch.
    var replicaBatch: Int { candidate.layout.sequencesPerReplica(setup.batch) }

    /// A decode step: one token for each of the replica's sequences with `context` cached.
    func decode() -> StepWork {
        let batch = Double(replicaBatch)
        return work(tokens: batch, sequences: batch, attentionFlopsPerLayer: 0)
    }

    /// One prefill chunk and how many such chunks the prefill takes (a `Double`: a hostile batch x context can
    /// need more chunks than `Int` holds).
    func prefill() -> (step: StepWork, chunks: Double) {
        let total = Double(setup.context) * Double(replicaBatch)
        let chunk = min(total, Double(setup.request.prefillChunk))
        let chunks = (total / chunk).rounded(.up)
        let sequences = max(1, (chunk / Double(setup.context)).rounded(.up))
        let layers = Double(max(setup.spec.layers, 1))
        let share = Double(replicaBatch) / Double(max(setup.batch, 1))
        let flops = Double(setup.estimate.flops.prefill.attention) * share / layers / chunks / Double(candidate.layout.tp)
        return (work(tokens: chunk, sequences: sequences, attentionFlopsPerLayer: flops), chunks)
    }

    func work(tokens: Double, sequences: Double, attentionFlopsPerLayer: Double) -> StepWork {
        let plan = setup.layers.plan, spec = setup.spec, layout = candidate.layout
        let matrices = WeightMatrices.list(spec, plan: plan)
        let narrow = setup.computeDType.bits <= 8
        var stages: [StageWork] = []
        let count = candidate.model.kindsPerStage.count
        for (index, kinds) in candidate.model.kindsPerStage.enumerated() {
            var layers: [LayerWork] = []
            for (kind, n) in kinds.enumerated() where n > 0 {
                let layer = plan.kinds[kind]
                let dense = fused(matrices.filter { $0.block == .layer(kind: kind) })
                let routed = fused(matrices.filter { $0.block == .routedExpert(kind: kind) }, tp: layout.expertTP)
                var moe: MoEWork?
                if case .moe(let block) = layer.channel {
                    moe = MoEWork(experts: block.experts, topK: block.topK, gemms: routed)
                }
                let hasChannel: Bool = if case .none = layer.channel { false } else { true }
                layers.append(LayerWork(
                    count: n, gemms: dense, moe: moe,
                    attentionFlops: layer.mixer.attention == nil ? 0 : attentionFlopsPerLayer,
                    cacheBytes: cacheBytes(kind: kind, sequences: sequences), hasMixerKernel: true,
                    elementwise: elementwise(layer, narrow: narrow), allReduces: hasChannel ? 2 : 1))
            }
            var head: [WeightGEMM] = []
            if index == count - 1 {
                let vocab = Double(spec.vocabSize), hidden = Double(spec.hiddenSize)
                head.append(WeightGEMM(name: "lm_head", n: (vocab / Double(layout.tp)).rounded(.up), k: hidden,
                                       weightBits: setup.weights.quantizeEmbeddings ? setup.weights.dtype.bits : wideBits))
            }
            stages.append(StageWork(layers: layers, headGEMMs: head,
                                    elementwise: headElementwise(first: index == 0, last: index == count - 1)))
        }
        let peak16 = setup.hardware.peakFlops.bf16?.value ?? setup.hardware.peakFlops.fp16?.value ?? setup.peak
        return StepWork(
            tokens: tokens, sequences: sequences, context: Double(setup.context), hidden: Double(spec.hiddenSize),
            activationBytes: Double(setup.activationBits / 8), tp: layout.tp, ep: layout.ep, dp: layout.dp,
            expertsCrossNodes: layout.expertsCrossNodes(on: setup.hardware),
            computeBits: setup.computeDType.bits, computeIsFloat: Self.isFloat(setup.computeDType), peak: setup.peak,
            peak16: peak16, stages: stages)
    }

    /// Whether a dtype is a float format (fp8) rather than an integer one (int8, int4).
    static func isFloat(_ dtype: DType) -> Bool { dtype != .int8 && dtype != .int4 }

    var wideBits: Int { ShardedModel.wideDType(setup.spec, setup.weights).bits }

    /// Bytes of cache one layer of `kind` reads per step on one device: KV at the KV dtype plus recurrent state.
    func cacheBytes(kind: Int, sequences: Double) -> Double {
        let cache = candidate.model.cache[kind]
        let tokens = Double(cache.span.cachedTokens(Int128(setup.context)))
        let kvBits = Double(candidate.model.kv.dtype.bits), stateBits = Double(candidate.model.stateDType.bits)
        return sequences * (Double(cache.elements) * tokens * kvBits / 8 + Double(cache.state) * stateBits / 8)
    }

    /// One device's GEMMs: each matrix sharded over `tp` ranks (default: the layout's) by its split, q/k/v and
    /// gate/up fused into one GEMM each.
    func fused(_ matrices: [WeightMatrix], tp ranks: Int? = nil) -> [WeightGEMM] {
        let tp = Int128(ranks ?? candidate.layout.tp)
        let bits = setup.weights.dtype.bits, isFloat = Self.isFloat(setup.weights.dtype)
        var order: [String] = [], shapes: [String: WeightGEMM] = [:]
        for matrix in matrices {
            var rows = matrix.rows, columns = matrix.columns
            switch matrix.split {
            case .rows: rows = (rows + tp - 1) / tp
            case .columns: columns = (columns + tp - 1) / tp
            case .kvHeads(let heads): rows /= min(tp, Int128(max(heads, 1)))
            case .replicated: break
            }
            let key = Self.fusedName(matrix.name)
            if var shape = shapes[key], shape.k == Double(columns) {
                shape.n += Double(rows)
                shapes[key] = shape
            } else {
                let name = shapes[key] == nil ? key : matrix.name
                if shapes[name] == nil { order.append(name) }
                shapes[name] = WeightGEMM(name: name, n: Double(rows), k: Double(columns), weightBits: bits,
                                          weightIsFloat: isFloat)
            }
        }
        return order.compactMap { shapes[$0] }
    }

    /// The GEMM a matrix runs in: `attention.q/k/v` fuse into `attention.qkv`, `*.gate/up` into `*.gate_up`.
    static func fusedName(_ name: String) -> String {
        for (suffixes, fused) in [([".q", ".k", ".v"], ".qkv"), ([".gate", ".up"], ".gate_up")] {
            for suffix in suffixes where name.hasSuffix(suffix) {
                return String(name.dropLast(suffix.count)) + fused
            }
        }
        return name
    }
}
