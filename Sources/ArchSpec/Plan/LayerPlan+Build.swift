extension LayerPlan {
    /// The most layer positions the builder evaluates one by one (the rest repeat a cycle).
    public static let positionLimit = 500_000

    /// Lays out a resolved spec's layers.
    ///
    /// Each per-layer property (token mixer, attention span, channel mixer, per-layer sizes, KV sharing) is a
    /// cyclic pattern with sparse overrides. Between two overridden layers every property repeats with the least
    /// common multiple of the pattern lengths, so the builder evaluates at most that many positions per
    /// interval and records the interval as one segment: linear in the overrides, independent of `layers`.
    ///
    /// - Throws: `PlanError.tooIrregular` when that would take more than `positionLimit` positions.
    public init(_ spec: ArchitectureSpec) throws(PlanError) {
        var builder = Builder(spec)
        try builder.run()
        kinds = builder.kinds
        segments = builder.segments
        layerCount = spec.layers
        kindCounts = builder.counts
        mtp = nil
        if spec.mtpLayers > 0, let last = spec.layers > 0 ? builder.layer(at: spec.layers - 1) : nil {
            mtp = MTPLayers(count: spec.mtpLayers, layer: last)
        }
    }
}

/// The per-layer facts that decide a layer's value; equal keys give equal layers.
private struct LayerKey: Hashable {
    var mixer: MixerKind
    var span: LayerAttention
    var heads: Int
    var kvHeads: Int
    var channel: ChannelKind
    var width: Int
    var kvSource: Int
}

private struct Builder {
    let spec: ArchitectureSpec
    let spans: LayerAssignment<LayerAttention>?
    let denseIndices: Set<Int>
    var kinds: [Layer] = []
    var counts: [Int] = []
    var segments: [LayerPlan.Segment] = []
    var index: [LayerKey: Int] = [:]

    init(_ spec: ArchitectureSpec) {
        self.spec = spec
        spans = spec.attention.slidingWindow?.assignment
        denseIndices = Set(spec.moe?.denseLayerIndices ?? [])
    }

    /// Least common multiple of the pattern lengths, or `nil` past the position limit.
    func period() -> Int? {
        let l = spec.layout
        var lengths = [l.mixers.pattern.count, spans?.pattern.count ?? 1, l.channels.pattern.count]
        if l.channels.isEmpty, let moe = spec.moe { lengths.append(moe.layerInterval) }
        for list in [l.heads, l.kvHeads, l.intermediateSizes] where !list.isEmpty {
            lengths.append(LayerAssignment<Int>.shortestPeriod(list))
        }
        var result = 1
        for length in lengths where length > 1 {
            let g = gcd(result, length)
            let (product, overflow) = (result / g).multipliedReportingOverflow(by: length)
            guard !overflow, product <= LayerPlan.positionLimit else { return nil }
            result = product
        }
        return result
    }

    func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    /// Layer indices where some property stops following its pattern, with the ends.
    func breakpoints() -> [Int] {
        let l = spec.layout, layers = spec.layers
        var points = [0, layers]
        func add<S: Sequence>(_ indices: S) where S.Element == Int {
            for i in indices where i >= 0 && i < layers { points.append(i); points.append(i + 1) }
        }
        add(l.mixers.overrides.keys)
        add(l.channels.overrides.keys)
        add(l.kvSources.keys)
        if let spans { add(spans.overrides.keys) }
        if l.channels.isEmpty, let moe = spec.moe {
            add(denseIndices)
            if moe.denseLayers > 0 && moe.denseLayers < layers { points.append(moe.denseLayers) }
        }
        points.sort()
        var unique: [Int] = []
        unique.reserveCapacity(points.count)
        for p in points where unique.last != p { unique.append(p) }
        return unique
    }

    mutating func run() throws(PlanError) {
        let layers = spec.layers
        guard layers > 0 else { return }
        guard let period = period() else {
            throw .tooIrregular(positions: Int.max, limit: LayerPlan.positionLimit)
        }
        let points = breakpoints()
        var walked = 0
        for (a, b) in zip(points, points.dropFirst()) where a < b {
            let walk = min(b - a, period)
            walked += walk
            guard walked <= LayerPlan.positionLimit else {
                throw .tooIrregular(positions: walked, limit: LayerPlan.positionLimit)
            }
            var cycle: [Int] = []
            cycle.reserveCapacity(walk)
            for i in a..<(a + walk) { cycle.append(kindIndex(of: key(at: i))) }
            let length = b - a
            for (position, kind) in cycle.enumerated() {
                counts[kind] += length / walk + (position < length % walk ? 1 : 0)
            }
            segments.append(LayerPlan.Segment(start: a, length: length, cycle: cycle))
        }
    }

    func key(at i: Int) -> LayerKey {
        let l = spec.layout, a = spec.attention
        let mixer = l.mixers.kind(at: i, default: .attention)
        let span = spans?.kind(at: i, default: .full) ?? .full
        let channel: ChannelKind
        if !l.channels.isEmpty {
            channel = l.channels.kind(at: i, default: spec.moe == nil ? .dense : .moe)
        } else if let moe = spec.moe, moe.isMoEByRule(i), !denseIndices.contains(i) {
            channel = .moe
        } else {
            channel = .dense
        }
        func perLayer(_ list: [Int], _ fallback: Int) -> Int { i < list.count ? list[i] : fallback }
        return LayerKey(
            mixer: mixer, span: span, heads: perLayer(l.heads, a.heads), kvHeads: perLayer(l.kvHeads, a.kvHeads),
            channel: channel, width: perLayer(l.intermediateSizes, spec.mlp.intermediateSize),
            kvSource: l.kvSources[i] ?? -1)
    }

    mutating func kindIndex(of key: LayerKey) -> Int {
        if let known = index[key] { return known }
        let id = kinds.count
        kinds.append(layer(for: key))
        counts.append(0)
        index[key] = id
        return id
    }

    func layer(at i: Int) -> Layer { layer(for: key(at: i)) }

    func layer(for key: LayerKey) -> Layer {
        let mixer: TokenMixer
        switch key.mixer {
        case .attention: mixer = .attention(attention(key))
        case .linearAttention:
            mixer = spec.linearAttention.map(TokenMixer.linearAttention) ?? .none
        case .mamba: mixer = spec.ssm.map(TokenMixer.mamba) ?? .none
        case .mamba2: mixer = spec.ssm.map(TokenMixer.mamba2) ?? .none
        case .attentionMamba2:
            mixer = spec.ssm.map { TokenMixer.attentionMamba2(attention(key), $0) } ?? .attention(attention(key))
        case .none: mixer = .none
        }
        let channel: ChannelMixer
        let mlp = spec.mlp
        switch key.channel {
        case .dense: channel = .dense(FeedForward(gated: mlp.kind == .gated, width: key.width, bias: mlp.bias))
        case .moe:
            if let moe = spec.moe {
                channel = .moe(ExpertsBlock(
                    experts: moe.experts, topK: moe.topK,
                    expert: FeedForward(gated: mlp.kind == .gated, width: moe.expertIntermediateSize, bias: mlp.bias),
                    sharedExperts: moe.sharedExperts,
                    shared: FeedForward(gated: mlp.kind == .gated, width: moe.sharedExpertIntermediateSize, bias: mlp.bias),
                    sharedGate: moe.sharedExpertGate, routerBias: moe.routerBias))
            } else {
                channel = .dense(FeedForward(gated: mlp.kind == .gated, width: key.width, bias: mlp.bias))
            }
        case .none: channel = .none
        }
        let blocks = (mixer == .none ? 0 : 1) + (channel == .none ? 0 : 1)
        let norms = blocks == 2 ? spec.norm.perLayer : blocks == 1 ? (spec.norm.perLayer + 1) / 2 : 0
        return Layer(mixer: mixer, channel: channel, norms: norms)
    }

    func attention(_ key: LayerKey) -> AttentionMixer {
        let a = spec.attention
        let form: AttentionForm = a.mla.map(AttentionForm.latent)
            ?? .standard(kvHeads: key.kvHeads, headDim: a.headDim, valueHeadDim: a.headDim)
        let span: AttentionSpan = switch key.span {
        case .full: .full
        case .sliding: .sliding(window: a.slidingWindow?.window ?? 0)
        case .chunked: .chunked(size: a.slidingWindow?.chunkSize ?? 0)
        }
        return AttentionMixer(
            heads: key.heads, form: form, span: span, qkvBias: a.qkvBias, outBias: a.outBias, qkNorm: a.qkNorm,
            sinks: a.sinks, outputGate: a.outputGate, indexer: a.indexer,
            kvSource: key.kvSource >= 0 ? key.kvSource : nil)
    }
}
