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
    var readsSharedKV: Bool
}

/// Per-layer overrides sorted by layer, read with a cursor while the builder walks layers in order.
private struct SortedOverrides<Kind> {
    var indices: [Int] = []
    var kinds: [Kind] = []
    var cursor = 0

    /// Overrides given as lists of layer indices per kind; a later list wins where two name the same layer.
    init(lists: [(indices: [Int], kind: Kind)], below layers: Int) {
        let given = lists.filter { !$0.indices.isEmpty }
        if given.count == 1, let only = given.first, Self.isStrictlyAscending(only.indices, below: layers) {
            // One ascending list (how specs are written): no sort.
            indices = only.indices
            kinds = Array(repeating: only.kind, count: only.indices.count)
            return
        }
        var pairs: [(index: Int, order: Int, kind: Kind)] = []
        for (order, list) in lists.enumerated() {
            for index in list.indices where index >= 0 && index < layers { pairs.append((index, order, list.kind)) }
        }
        pairs.sort { $0.index != $1.index ? $0.index < $1.index : $0.order < $1.order }
        indices.reserveCapacity(pairs.count)
        kinds.reserveCapacity(pairs.count)
        for pair in pairs {
            if indices.last == pair.index { kinds[kinds.count - 1] = pair.kind; continue }
            indices.append(pair.index)
            kinds.append(pair.kind)
        }
    }

    static func isStrictlyAscending(_ list: [Int], below layers: Int) -> Bool {
        guard let first = list.first, first >= 0, let last = list.last, last < layers else { return false }
        for (a, b) in zip(list, list.dropFirst()) where a >= b { return false }
        return true
    }

    init(_ overrides: [Int: Kind], below layers: Int) {
        let sorted = overrides.filter { $0.key >= 0 && $0.key < layers }.sorted { $0.key < $1.key }
        indices = sorted.map(\.key)
        kinds = sorted.map(\.value)
    }

    /// The override of layer `i`; `i` must not decrease between calls.
    mutating func next(_ i: Int) -> Kind? {
        while cursor < indices.count && indices[cursor] < i { cursor += 1 }
        return cursor < indices.count && indices[cursor] == i ? kinds[cursor] : nil
    }

    /// The override of any layer `i` (binary search).
    func lookup(_ i: Int) -> Kind? {
        var low = 0, high = indices.count
        while low < high {
            let mid = (low + high) / 2
            if indices[mid] < i { low = mid + 1 } else { high = mid }
        }
        return low < indices.count && indices[low] == i ? kinds[low] : nil
    }
}

private struct Builder {
    let spec: ArchitectureSpec
    let spans: LayerAssignment<LayerAttention>?
    var mixerOverrides: SortedOverrides<MixerKind>
    var channelOverrides: SortedOverrides<ChannelKind>
    var spanOverrides: SortedOverrides<LayerAttention>
    var kvSources: SortedOverrides<Int>
    var denseIndices: SortedOverrides<Bool>
    var kinds: [Layer] = []
    var counts: [Int] = []
    var segments: [LayerPlan.Segment] = []
    var keys: [LayerKey] = []
    var index: [LayerKey: Int] = [:]

    init(_ spec: ArchitectureSpec) {
        self.spec = spec
        let layers = spec.layers
        let window = spec.attention.slidingWindow
        spans = window.map { LayerAssignment(pattern: $0.pattern.isEmpty ? [.sliding] : $0.pattern) }
        mixerOverrides = SortedOverrides(spec.layout.mixers.overrides, below: layers)
        channelOverrides = SortedOverrides(spec.layout.channels.overrides, below: layers)
        // full_layers wins over sliding_layers, as in `SlidingWindowSpec.assignment`.
        spanOverrides = SortedOverrides(lists: window.map {
            [(indices: $0.slidingLayers, kind: LayerAttention.sliding), (indices: $0.fullLayers, kind: .full)]
        } ?? [], below: layers)
        kvSources = SortedOverrides(spec.layout.kvSources, below: layers)
        let dense = spec.layout.channels.isEmpty ? (spec.moe?.denseLayerIndices ?? []) : []
        denseIndices = SortedOverrides(Dictionary(dense.map { ($0, true) }, uniquingKeysWith: { a, _ in a }), below: layers)
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

    /// Layer indices where some property stops following its pattern, with the ends, ascending.
    func breakpoints() -> [Int] {
        let layers = spec.layers
        let lists = [mixerOverrides.indices, channelOverrides.indices, spanOverrides.indices, kvSources.indices,
                     denseIndices.indices].filter { !$0.isEmpty }
        var overridden = lists.count == 1 ? lists[0] : lists.flatMap { $0 }.sorted()
        var points = [0]
        points.reserveCapacity(2 * overridden.count + 3)
        if spec.layout.channels.isEmpty, let moe = spec.moe, moe.denseLayers > 0, moe.denseLayers < layers {
            overridden.append(moe.denseLayers)  // starts an interval like an override would
            overridden.sort()
        }
        for i in overridden {
            if points.last! < i { points.append(i) }
            if points.last! < i + 1 { points.append(i + 1) }
        }
        if points.last! < layers { points.append(layers) }
        return points
    }

    mutating func run() throws(PlanError) {
        let layers = spec.layers
        guard layers > 0 else { return }
        guard let period = period() else {
            throw .tooIrregular(positions: Int.max, limit: LayerPlan.positionLimit)
        }
        let points = breakpoints()
        var walked = 0
        // Short intervals (walked position by position) join one pending explicit run, so a long list of
        // alternating overrides becomes one segment of a short cycle instead of thousands of segments.
        var pendingStart = 0
        var pending: [Int] = []
        var previous: (key: LayerKey, kind: Int)?
        for (a, b) in zip(points, points.dropFirst()) where a < b {
            let walk = min(b - a, period)
            walked += walk
            guard walked <= LayerPlan.positionLimit else {
                throw .tooIrregular(positions: walked, limit: LayerPlan.positionLimit)
            }
            let length = b - a
            if walk == length {
                // Walked position by position: straight into the pending explicit run.
                if pending.isEmpty { pendingStart = a }
                for i in a..<b {
                    let kind = kindIndex(at: i, previous: &previous)
                    pending.append(kind)
                    counts[kind] += 1
                }
                continue
            }
            var cycle: [Int] = []
            cycle.reserveCapacity(walk)
            for i in a..<(a + walk) { cycle.append(kindIndex(at: i, previous: &previous)) }
            for (position, kind) in cycle.enumerated() {
                counts[kind] += length / walk + (position < length % walk ? 1 : 0)
            }
            flush(start: pendingStart, &pending)
            segments.append(LayerPlan.Segment(start: a, length: length, cycle: cycle))
        }
        flush(start: pendingStart, &pending)
    }

    /// The kind of layer `i`, reusing the previous layer's when the keys are equal.
    mutating func kindIndex(at i: Int, previous: inout (key: LayerKey, kind: Int)?) -> Int {
        let key = nextKey(at: i)
        if let previous, previous.key == key { return previous.kind }
        let kind = kindIndex(of: key)
        previous = (key, kind)
        return kind
    }

    /// Appends the pending explicit run as one segment, its cycle cut to the shortest period that tiles it.
    mutating func flush(start: Int, _ pending: inout [Int]) {
        guard !pending.isEmpty else { return }
        let period = LayerAssignment<Int>.shortestPeriod(pending)
        // A compact copy: `Array(pending.prefix(period))` may share pending's large buffer, which every segment
        // would then keep alive (and the next append would reallocate).
        var cycle: [Int] = []
        cycle.reserveCapacity(period)
        cycle.append(contentsOf: pending[..<period])
        segments.append(LayerPlan.Segment(start: start, length: pending.count, cycle: cycle))
        pending.removeAll(keepingCapacity: true)
    }

    /// The key of layer `i`, reading overrides with cursors (`i` must not decrease between calls).
    mutating func nextKey(at i: Int) -> LayerKey {
        // Read the cursors into locals first: passing the mutating reads straight into a method of `self`
        // makes Swift copy the whole builder per layer.
        let mixer = mixerOverrides.next(i), channel = channelOverrides.next(i), span = spanOverrides.next(i)
        let source = kvSources.next(i), dense = denseIndices.next(i) != nil
        return key(at: i, mixer: mixer, channel: channel, span: span, kvSource: source, dense: dense)
    }

    func key(at i: Int) -> LayerKey {
        key(at: i, mixer: mixerOverrides.lookup(i), channel: channelOverrides.lookup(i), span: spanOverrides.lookup(i),
            kvSource: kvSources.lookup(i), dense: denseIndices.lookup(i) != nil)
    }

    func key(at i: Int, mixer: MixerKind?, channel: ChannelKind?, span: LayerAttention?, kvSource: Int?, dense: Bool)
        -> LayerKey {
        let l = spec.layout, a = spec.attention
        let mixer = mixer ?? (l.mixers.pattern.isEmpty ? .attention : l.mixers.pattern[i % l.mixers.pattern.count])
        let span = span ?? spans.map { $0.pattern[i % $0.pattern.count] } ?? .full
        let channelKind: ChannelKind
        if !l.channels.isEmpty {
            channelKind = channel ?? (l.channels.pattern.isEmpty ? (spec.moe == nil ? .dense : .moe)
                : l.channels.pattern[i % l.channels.pattern.count])
        } else if let moe = spec.moe, moe.isMoEByRule(i), !dense {
            channelKind = .moe
        } else {
            channelKind = .dense
        }
        func perLayer(_ list: [Int], _ fallback: Int) -> Int { i < list.count ? list[i] : fallback }
        return LayerKey(
            mixer: mixer, span: span, heads: perLayer(l.heads, a.heads), kvHeads: perLayer(l.kvHeads, a.kvHeads),
            channel: channelKind, width: perLayer(l.intermediateSizes, spec.mlp.intermediateSize),
            readsSharedKV: kvSource != nil)
    }

    mutating func kindIndex(of key: LayerKey) -> Int {
        if keys.count <= 16 {
            // Few distinct layers (every real model): a linear scan beats hashing.
            if let known = keys.firstIndex(of: key) { return known }
        } else if let known = index[key] {
            return known
        }
        let id = kinds.count
        kinds.append(layer(for: key))
        counts.append(0)
        keys.append(key)
        if keys.count == 17 {
            for (i, k) in keys.enumerated() { index[k] = i }
        } else if keys.count > 17 {
            index[key] = id
        }
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
        case .shortConv: mixer = spec.shortConv.map(TokenMixer.shortConv) ?? .none
        case .none: mixer = .none
        }
        let channel: ChannelMixer
        let mlp = spec.mlp
        switch key.channel {
        case .dense:
            channel = .dense(FeedForward(gated: mlp.kind == .gated, width: key.width, bias: mlp.bias,
                                         activationParameters: mlp.activationParameters))
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
            readsSharedKV: key.readsSharedKV)
    }
}
