import Testing
@testable import ArchSpec

/// The kernel-level model's plain-loop groups (MLA's latent attention and absorbed folds, attention with sinks
/// or ALiBi, recurrent scans) priced from the profile's layer-kind points, and the probe that times them.
@Suite struct CalibrationLayerKindPredictionTests {
    static func spec(_ name: String) -> ArchitectureSpec { CalibrationLayerKindTests.kinds.first { $0.name == name }! }

    static func rate(seconds: Double) -> Rate {
        var v = Rate(Timing(seconds: [seconds], work: 1, interference: Interference(otherCores: 0, stealFraction: 0)))
        v.sustained = 1 / seconds
        return v
    }

    /// Points of `group` for `layer` whose time is exactly `cost` at each of the probe's sizes.
    static func points(_ spec: ArchitectureSpec, _ layer: Layer, group: String, _ cost: LayerKindCost, threads: Int = 2) -> [LayerKindPoint] {
        let sizes = cost.phase == .prefill ? LayerKindProbe.prefillTokens : LayerKindProbe.decodeContexts
        return sizes.map { t in
            LayerKindPoint(layer: LayerKindProbe.key(layer, spec), group: group, phase: cost.phase, tokens: t, threads: threads,
                           rate: rate(seconds: cost.seconds(tokens: t)))
        }
    }

    @Test func costFitsAPerRowAndAPerPairTerm() throws {
        // 2 us per row and 10 ns per causal pair: 64 tokens 128 us + 2080 pairs; 256 tokens 512 us + 32896 pairs.
        let prefill = try #require(LayerKindCost(phase: .prefill, points: [(64, 128e-6 + 2080 * 1e-8), (256, 512e-6 + 32896 * 1e-8)]))
        #expect(abs(prefill.perUnit - 2e-6) < 1e-12 && abs(prefill.perStep - 1e-8) < 1e-15)
        #expect(abs(prefill.seconds(tokens: 128) - (256e-6 + 8256 * 1e-8)) < 1e-12)
        // Decode: 50 us per step and 0.2 us per cached token.
        let decode = try #require(LayerKindCost(phase: .decode, points: [(1024, 50e-6 + 1024 * 0.2e-6), (128, 50e-6 + 128 * 0.2e-6)]))
        #expect(abs(decode.perUnit - 50e-6) < 1e-12 && abs(decode.perStep - 0.2e-6) < 1e-15)
        // A scan whose longer prompt costs less than proportionally (noise) would need a negative pair term: the
        // pair term is dropped and the row term fitted through the longer point.
        let scan = try #require(LayerKindCost(phase: .prefill, points: [(64, 70e-6), (256, 256e-6)]))
        #expect(scan.perStep == 0 && abs(scan.perUnit - 1e-6) < 1e-15)
        // The other way round (a negative row term) keeps the pair term alone.
        let pairs = try #require(LayerKindCost(phase: .prefill, points: [(64, 1e-6), (256, 32896e-8)]))
        #expect(pairs.perUnit == 0 && abs(pairs.perStep - 1e-8) < 1e-15)
        // One point: the first term alone; none usable: nil.
        #expect(LayerKindCost(phase: .decode, points: [(512, 3e-4)]) == LayerKindCost(phase: .decode, perUnit: 3e-4, perStep: 0))
        #expect(LayerKindCost(phase: .decode, points: [(0, 1), (64, .nan), (8, -1)]) == nil)
    }

    /// MLA (2 layers of one kind): attention in prefill and decode, and the absorbed folds, come from the points.
    @Test func latentAttentionAndFoldsComeFromTheLayerKindPoints() throws {
        let spec = Self.spec("mla")
        let layer = try #require(try spec.plan.kinds.first)
        var profile = CalibrationProfileTests.syntheticProfile()
        var before = LatencyModel(profile: profile, threads: 2)
        let kernelPrefill = before.prefill(spec, tokens: 12).breakdown["attention"] ?? 0
        #expect(before.notes.contains { $0.hasPrefix("attention: MLA runs a plain loop") })
        let prefillCost = LayerKindCost(phase: .prefill, perUnit: 3e-6, perStep: 2e-8)
        let attention = LayerKindCost(phase: .decode, perUnit: 40e-6, perStep: 0.5e-6)
        let folds = LayerKindCost(phase: .decode, perUnit: 70e-6, perStep: 0)
        profile.layerKinds = Self.points(spec, layer, group: "attention", prefillCost)
            + Self.points(spec, layer, group: "attention", attention)
            + Self.points(spec, layer, group: "linear:kv_b_absorbed", folds)
        var model = LatencyModel(profile: profile, threads: 2)
        let prefill = model.prefill(spec, tokens: 12).breakdown
        // 2 layers x (12 rows x 3 us + 78 pairs x 20 ns).
        #expect(abs((prefill["attention"] ?? 0) - 2 * (36e-6 + 78 * 2e-8)) < 1e-12)
        #expect(prefill["attention"] != kernelPrefill)
        let decode = model.decodeStep(spec, context: 10).breakdown
        #expect(abs((decode["attention"] ?? 0) - 2 * (40e-6 + 10 * 0.5e-6)) < 1e-12)
        #expect(abs((decode["linear:kv_b_absorbed"] ?? 0) - 2 * 70e-6) < 1e-12)
        #expect(!model.notes.contains { $0.hasPrefix("attention: MLA runs a plain loop") })
        // Points of another thread count are used with a note; points of another layer kind are not used.
        profile.layerKinds = Self.points(spec, layer, group: "linear:kv_b_absorbed", folds, threads: 1)
        var other = LatencyModel(profile: profile, threads: 2)
        #expect(abs((other.decodeStep(spec, context: 10).breakdown["linear:kv_b_absorbed"] ?? 0) - 2 * 70e-6) < 1e-12)
        #expect(other.notes.contains("linear:kv_b_absorbed: no 2-thread layer-kind figures; used 1"))
        var wider = spec
        wider.hiddenSize = 64
        #expect(other.layerKindSeconds(wider, try #require(try wider.plan.kinds.first), group: "linear:kv_b_absorbed",
                                       phase: .decode, tokens: 10) == nil)
    }

    /// Mamba (one kind, 2 layers): the scan per token in prefill and per step in decode from the points; a profile
    /// without them (written before) keeps the FLOP estimate and its note.
    @Test func scansComeFromTheLayerKindPoints() throws {
        let spec = Self.spec("mamba")
        let layer = try #require(try spec.plan.kinds.first)
        var profile = CalibrationProfileTests.syntheticProfile()
        profile.gemv.append(GEMVPoint(format: .fp32, n: 8, k: 4, threads: 1, bytes: 128, rate: Self.rate(seconds: 1 / 2e9)))
        #expect(profile.layerKinds == nil)
        var old = LatencyModel(profile: profile, threads: 2)
        let estimate = old.decodeStep(spec, context: 5).breakdown["scan:mamba"]
        #expect(old.notes.contains { $0.hasPrefix("scan:mamba: predicted from its FLOPs") })
        profile.layerKinds = Self.points(spec, layer, group: "scan:mamba", LayerKindCost(phase: .prefill, perUnit: 9e-6, perStep: 0))
            + Self.points(spec, layer, group: "scan:mamba", LayerKindCost(phase: .decode, perUnit: 11e-6, perStep: 0))
        var model = LatencyModel(profile: profile, threads: 2)
        #expect(abs((model.prefill(spec, tokens: 7).breakdown["scan:mamba"] ?? 0) - 2 * 7 * 9e-6) < 1e-12)
        let decode = model.decodeStep(spec, context: 5).breakdown["scan:mamba"]
        #expect(abs((decode ?? 0) - 2 * 11e-6) < 1e-12 && decode != estimate)
        #expect(!model.notes.contains { $0.hasPrefix("scan:mamba: predicted from its FLOPs") })
    }

    /// The probe times each plain-loop group of each layer kind once per prompt length and decode context (capped
    /// at the context length), and the points survive the profile's YAML; a profile without them reads as nil.
    @Test func probeTimesThePlainLoopGroupsAndTheyRoundTrip() throws {
        // (spec, groups, points): the absorbed folds run in decode only; the hybrid has two kinds with a scan.
        for (name, groups, count) in [("mla", ["attention", "linear:kv_b_absorbed"], 3), ("sinks", ["attention"], 2),
                                      ("mamba2-hybrid", ["scan:mamba2"], 4), ("qk-norm-head", [], 0)] {
            let spec = Self.spec(name)
            let (points, notes) = LayerKindProbe.run(spec: spec, threads: [1], variant: .best(), protocol: .smoke)
            #expect(notes.isEmpty)
            let kinds = try spec.plan.kinds.filter { !LayerKindProbe.groups($0, spec).isEmpty }.count
            #expect(Set(points.map(\.group)) == Set(groups), "\(name)")
            // Context 16: prompts of 16 (64 and 256 capped), decode at 15 cached tokens (128 and 1024 capped).
            #expect(points.count == count, "\(name)")
            #expect(points.allSatisfy { $0.rate.sustained > 0 && ($0.phase == .prefill ? $0.tokens == 16 : $0.tokens == 15) }, "\(name)")
            #expect(LayerKindProbe.steps(spec) == kinds * 4)
        }
        // Reading a buffer before each decode step (as calibrate does) leaves the points as they are.
        let evicted = LayerKindProbe.run(spec: Self.spec("mla"), threads: [1], variant: .best(), protocol: .smoke, evictBytes: 1 << 20)
        #expect(evicted.points.count == 3 && evicted.points.allSatisfy { $0.rate.sustained > 0 })
        var result = CalibrationProfileTests.syntheticProfile()
        let old = try result.yaml()
        #expect(!old.contains("layer_kinds"))
        let spec = Self.spec("mla")
        result.layerKinds = LayerKindProbe.run(spec: spec, threads: [1], variant: .best(), protocol: .smoke).points
        let path = "/tmp/archcalc-layer-kinds-\(UInt32.random(in: 0...UInt32.max)).yaml"
        try OutputFile.write(try result.yaml(), to: path)
        let back = try CalibrationResult.load(path: path)
        #expect(back.layerKinds?.map(\.layer) == result.layerKinds?.map(\.layer))
        #expect(back.layerKinds?.map(\.tokens) == result.layerKinds?.map(\.tokens))
        try OutputFile.write(old, to: path)
        #expect(try CalibrationResult.load(path: path).layerKinds == nil)
    }

    /// A one-sequence batched decode step of a layer with sinks runs the sinks (it used to take the kernel path,
    /// which has none): it equals a plain decode step at the same position.
    @Test(arguments: ["sinks", "alibi-parallel"], KernelVariant.allCases)
    func oneSequenceBatchedDecodeKeepsSinksAndALiBi(name: String, variant: KernelVariant) throws {
        let spec = Self.spec(name)
        let pass = ForwardPass(spec: spec, backend: KernelBackend(variant: variant, threads: 1), capacity: 8, maxRows: 4)
        _ = try pass.forward([3, 7, 11, 2])
        let plain = try pass.forward([1])
        pass.reset()
        _ = try pass.forward([3, 7, 11, 2])
        let batched = try pass.decodeBatch(1, context: 4)
        #expect(maxRelativeError(batched, plain) < 1e-5, "\(name)")
    }
}
