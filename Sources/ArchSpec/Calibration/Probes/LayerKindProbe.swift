/// A forward phase a layer-kind point was timed in.
public enum LayerKindPhase: String, Hashable, Codable, Sendable {
    /// A prefill of `tokens` prompt tokens from an empty cache.
    case prefill
    /// One decode step with `tokens` tokens cached.
    case decode
}

/// One operator group of one layer kind, timed in a one-layer forward pass of that kind (`LayerKindProbe`).
public struct LayerKindPoint: Hashable, Codable, Sendable {
    /// The layer kind (`LayerKindProbe.key`): its token mixer with every size, the hidden size, ALiBi.
    public var layer: String
    /// The operator group as the forward pass times it (`attention`, `linear:kv_b_absorbed`, `scan:mamba2`).
    public var group: String
    public var phase: LayerKindPhase
    /// Prompt tokens (prefill) or cached tokens (decode).
    public var tokens: Int
    public var threads: Int
    /// Calls per second (work 1 per call): `rate.medianSeconds` is the group's time in one call.
    public var rate: Rate
}

/// Times the operator groups that no kernel probe covers, because the forward pass runs them as plain loops:
/// MLA's attention over its latent cache (expanded in prefill, absorbed in decode) and its absorbed kv_b folds,
/// attention with sinks or ALiBi (`AttendRow`), and every recurrent scan (`scan:<kind>`, a step per token).
///
/// Each distinct layer kind of the spec that has such a group runs alone in a forward pass of one layer (its
/// mixer, no channel mixer, a 16-token vocabulary): prefills of `prefillTokens` tokens and decode steps at
/// `decodeContexts` cached tokens, and each group's own time in each call is a sample: the pass's own code on
/// the spec's own shapes and strides, which the kernel-level model then reads per layer kind. Before each decode
/// step the probe reads `evictBytes` of another buffer (not timed), as a decode step's weight stream evicts the
/// layer's cache, state and weights; a prefill's layer runs its tokens back to back, so its state stays in cache.
public enum LayerKindProbe {
    /// Prompt lengths timed (capped at the spec's context length): two, for a per-row and a per-pair cost.
    public static let prefillTokens = [64, 256]
    /// Cached tokens of the decode steps timed (capped likewise): two, for a fixed and a per-token cost.
    public static let decodeContexts = [128, 1024]

    /// Progress steps of one thread count for `spec` (one per prefill length and decode context of each kind).
    public static func steps(_ spec: ArchitectureSpec) -> Int {
        let kinds = (try? spec.plan)?.kinds.filter { !groups($0, spec).isEmpty }.count ?? 0
        return kinds * (prefillTokens.count + decodeContexts.count)
    }

    /// The key a layer kind's points carry: its mixer with every size, the hidden size, and ALiBi.
    public static func key(_ layer: Layer, _ spec: ArchitectureSpec) -> String {
        let mixer = String(describing: layer.mixer).replacing("ArchSpec.", with: "")
        return "\(mixer) hidden=\(spec.hiddenSize)" + (spec.position.kind == .alibi ? " alibi" : "")
    }

    /// The groups of `layer` that run as plain loops, named as the forward pass times them.
    public static func groups(_ layer: Layer, _ spec: ArchitectureSpec) -> [String] {
        var groups: [String] = []
        if let a = layer.mixer.attention {
            if case .latent = a.form { groups += ["attention", "linear:kv_b_absorbed"] }
            else if a.sinks || spec.position.kind == .alibi { groups.append("attention") }
        }
        if let scan = scanGroup(layer.mixer) { groups.append(scan) }
        return groups
    }

    /// `scan:<kind>` for a recurrent mixer; nil for attention alone or none.
    public static func scanGroup(_ mixer: TokenMixer) -> String? {
        switch mixer {
        case .linearAttention(let l): "scan:\(l.kind.rawValue)"
        case .mamba: "scan:mamba"
        case .mamba2, .attentionMamba2: "scan:mamba2"
        case .shortConv: "scan:short_conv"
        case .attention, .none: nil
        }
    }

    /// - Parameters:
    ///   - memoryLimit: Bytes one layer's pass may use (default 80% of available memory); larger kinds are skipped
    ///     with a note.
    ///   - evictBytes: Bytes read before each decode step (not timed: a sample is the group's own time), so its
    ///     cache, state and weights come from memory as after the other layers' weight streams; 0 reads none.
    /// - Returns: The points, and a note for each layer kind that could not be timed.
    public static func run(
        spec: ArchitectureSpec, threads: [Int], variant: KernelVariant, protocol proto: BenchmarkProtocol,
        memoryLimit: Int? = nil, evictBytes: Int = 0, progress: (String) -> Void = { _ in }
    ) -> (points: [LayerKindPoint], notes: [String]) {
        guard let plan = try? spec.plan else { return ([], []) }
        let lengths = Array(Set(prefillTokens.map { min($0, max(2, spec.contextLength)) })).sorted()
        let contexts = Array(Set(decodeContexts.map { min($0, max(1, spec.contextLength - 1)) })).sorted()
        guard let longest = lengths.last, let deepest = contexts.last else { return ([], []) }
        let capacity = max(longest, deepest + 1)
        guard ForwardPass.unsupportedFeatures(spec, tokens: capacity).isEmpty else { return ([], []) }
        var probeSpec = spec
        probeSpec.vocabSize = 16
        let evictCount = max(0, min(evictBytes, 1 << 32)) / 8
        let evict = UnsafeMutablePointer<Double>.allocate(capacity: max(1, evictCount))
        defer { evict.deallocate() }
        evict.initialize(repeating: 1, count: max(1, evictCount))
        let limit = Int128(memoryLimit ?? Validator.availableMemory() * 8 / 10)
        var points: [LayerKindPoint] = [], notes: [String] = []
        for layer in plan.kinds {
            let groups = groups(layer, spec)
            guard !groups.isEmpty else { continue }
            let alone = Layer(mixer: layer.mixer, channel: .none, norms: layer.norms)
            guard let bytes = bytesNeeded(alone, spec: spec, capacity: capacity, rows: longest), bytes <= limit else {
                notes.append("layer kinds: \(groups.joined(separator: ", ")) of \(spec.name) not timed: one layer does not fit in memory")
                continue
            }
            let key = key(layer, spec)
            for t in threads {
                let pass = ForwardPass(spec: probeSpec, backend: KernelBackend(variant: variant, threads: t),
                                       capacity: capacity, maxRows: longest, only: [alone])
                for n in lengths {
                    progress("layer kind \(groups.joined(separator: ", ")) prefill \(n), \(t) thread\(t == 1 ? "" : "s")")
                    let timings = time(pass, groups: groups, protocol: proto) {
                        pass.reset()
                        _ = try? pass.forward((0..<n).map { $0 % 16 })
                    }
                    points += timings.map { LayerKindPoint(layer: key, group: $0.key, phase: .prefill, tokens: n, threads: t, rate: Rate($0.value)) }
                }
                let reader = KernelBackend(variant: variant, threads: 1)
                for c in contexts {
                    progress("layer kind \(groups.joined(separator: ", ")) decode at \(c), \(t) thread\(t == 1 ? "" : "s")")
                    let timings = time(pass, groups: groups, protocol: proto) {
                        if evictCount > 0 { consume(reader.read(evict, count: evictCount)) }
                        _ = try? pass.decodeBatch(1, context: c)
                    }
                    points += timings.map { LayerKindPoint(layer: key, group: $0.key, phase: .decode, tokens: c, threads: t, rate: Rate($0.value)) }
                }
            }
        }
        return (points.sorted { ($0.layer, $0.group, $0.phase.rawValue, $0.threads, $0.tokens) < ($1.layer, $1.group, $1.phase.rawValue, $1.threads, $1.tokens) }, notes)
    }

    /// Runs `call` under the protocol's sample count and minimum time (one warm-up call dropped) and returns,
    /// per group, the group's own time in each call as samples (work 1), with the window's interference.
    static func time(_ pass: ForwardPass, groups: [String], protocol proto: BenchmarkProtocol,
                     _ call: () -> Void) -> [String: Timing] {
        call()
        var samples: [String: [Double]] = [:]
        let clock = ContinuousClock(), start = SystemLoadSample.now(), windowStart = clock.now
        var calls = 0
        while calls < max(1, proto.samples) || seconds(clock.now - windowStart) < proto.minimumSeconds {
            call()
            calls += 1
            // A group the phase does not run (the absorbed folds in prefill) gets no samples, so no point.
            for group in groups { if let t = pass.lastBreakdown[group] { samples[group, default: []].append(t) } }
            if calls >= 200 { break }
        }
        let interference = Interference(from: start, to: .now(), wall: seconds(clock.now - windowStart))
        return samples.mapValues { Timing(seconds: $0, work: 1, interference: interference) }
    }

    /// Bytes one layer's fp32 weights, cache, state and activations take; nil when they cannot be counted.
    static func bytesNeeded(_ layer: Layer, spec: ArchitectureSpec, capacity: Int, rows: Int) -> Int128? {
        guard let cost = try? LayerCost(layer, hidden: spec.hiddenSize, norm: spec.norm),
              let parameters = try? cost.parameters, parameters <= 1 << 80 else { return nil }
        let (cache, width) = ForwardLayerWeights.footprint(layer, hidden: spec.hiddenSize, capacity: capacity)
        guard cache <= 1 << 80, width <= 1 << 80 else { return nil }
        let h = Int128(spec.hiddenSize), r = Int128(rows)
        return 4 * (parameters + cache + r * (3 * h + 6 * width) + 4 * Int128(capacity) * 128 + 32 * h)
    }
}
