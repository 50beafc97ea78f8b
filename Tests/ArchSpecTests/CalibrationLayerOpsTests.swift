import Testing
@testable import ArchSpec

/// The kernel-level model's elementwise time from the profile's layer ops: a fixed cost per call plus a cost per
/// element, each call as the forward pass makes it.
@Suite struct CalibrationLayerOpsTests {
    static func rate(_ r: Double) -> Rate {
        var v = Rate(Timing(seconds: [1], work: r, interference: Interference(otherCores: 0, stealFraction: 0)))
        v.sustained = r
        return v
    }

    /// Points for `op` whose cost is exactly `perCall` + elements x `perElement` (width 1024, 1 and 64 rows).
    static func points(_ op: LayerOp, perCall: Double, perElement: Double) -> [LayerOpPoint] {
        [1, LayerOpsProbe.manyRows].map { rows in
            let elements = Double(rows * 1024)
            return LayerOpPoint(op: op, rows: rows, width: 1024, calls: 1, rate: rate(elements / (perCall + elements * perElement)))
        }
    }

    @Test func costSplitsIntoPerCallAndPerElement() throws {
        let cost = try #require(LayerOpCost(Self.points(.gelu, perCall: 2e-6, perElement: 3e-9), op: .gelu))
        #expect(abs(cost.perCall - 2e-6) < 1e-12 && abs(cost.perElement - 3e-9) < 1e-15)
        #expect(abs(cost.seconds(calls: 3, elements: 1000) - (6e-6 + 3e-6)) < 1e-12)
        #expect(LayerOpCost(Self.points(.gelu, perCall: 1e-6, perElement: 1e-9), op: .add) == nil)  // no add points
        #expect(LayerOpCost(Array(Self.points(.add, perCall: 1e-6, perElement: 1e-9).prefix(1)), op: .add) == nil)
    }

    /// GPT-2-like block by hand: 2 layernorms, 2 adds, queries and cache copies, a plain gelu MLP, no rope.
    @Test func elementwiseFollowsTheForwardPassCalls() throws {
        var profile = CalibrationProfileTests.syntheticProfile()
        let us = 1e-6, ns = 1e-9
        profile.layerOps = Self.points(.rmsnorm, perCall: 1 * us, perElement: 1 * ns)
            + Self.points(.layernorm, perCall: 2 * us, perElement: 2 * ns)
            + Self.points(.add, perCall: 0.5 * us, perElement: 0.25 * ns)
            + Self.points(.rope, perCall: 1 * us, perElement: 4 * ns)
            + Self.points(.siluMultiply, perCall: 1 * us, perElement: 3 * ns)
            + Self.points(.gelu, perCall: 1.5 * us, perElement: 5 * ns)
        let spec = try #require(SpecLoader.load(path: Repository.path("specs/gpt2.yaml")).spec)
        let model = LatencyModel(profile: profile, threads: 2)
        // gpt2: hidden 768, 12 heads of 64 (MHA), plain MLP of 3072 with gelu, learned positions, 12 layers.
        for rows in [1, 7] {
            let h = 768.0, r = Double(rows)
            let norms = 2 * (2 * us + r * h * 2 * ns)
            let adds = 2 * (0.5 * us + r * h * 0.25 * ns)
            let copies = r * (12 * 64 + 2 * 12 * 64) * 0.25 * ns
            let mlp = r * 1.5 * us + r * 3072 * 5 * ns
            let expected = 12 * (norms + adds + copies + mlp)
            let got = model.elementwiseSeconds(spec, rows: rows)
            #expect(abs(got - expected) < 1e-12 * max(1, expected), "rows \(rows): \(got) against \(expected)")
        }
        // Without layer ops the bytes model stands in.
        profile.layerOps = nil
        let bytes = LatencyModel(profile: profile, threads: 2)
        #expect(bytes.elementwiseSeconds(spec, rows: 3) == bytes.elementwiseBytesSeconds(spec, rows: 3))
    }

    /// A decode step (one row) is priced by the cold points where the profile has them; prefill keeps the in-cache
    /// ones; profiles without cold points (written before) price both from the in-cache ones.
    @Test func oneRowTakesTheColdPoints() throws {
        var profile = CalibrationProfileTests.syntheticProfile()
        let us = 1e-6, ns = 1e-9
        var hot: [LayerOpPoint] = [], cold: [LayerOpPoint] = []
        for op in LayerOp.allCases {
            hot += Self.points(op, perCall: 1 * us, perElement: 1 * ns)
            cold += Self.points(op, perCall: 3 * us, perElement: 2 * ns).map { var p = $0; p.cold = true; return p }
        }
        let spec = try #require(SpecLoader.load(path: Repository.path("specs/gpt2.yaml")).spec)
        profile.layerOps = hot
        let before = LatencyModel(profile: profile, threads: 2)
        let hotDecode = before.elementwiseSeconds(spec, rows: 1), hotPrefill = before.elementwiseSeconds(spec, rows: 7)
        #expect(LayerOpCost(hot, op: .add, cold: true) == nil)
        profile.layerOps = hot + cold
        let model = LatencyModel(profile: profile, threads: 2)
        #expect(model.elementwiseSeconds(spec, rows: 7) == hotPrefill)
        // gpt2, one row: per layer 2 layernorms, 2 adds and the MLP's gelu are calls (5 x 3 us); elements: norms
        // 2 x 768, adds 2 x 768, copies 3 x 768 (at the add's per-element cost; no per-call cost), gelu 3072.
        let perLayer = 5 * 3 * us + (2 * 768 + 2 * 768 + 3 * 768 + 3072) * 2 * ns
        #expect(abs(model.elementwiseSeconds(spec, rows: 1) - 12 * perLayer) < 1e-12)
        #expect(hotDecode < model.elementwiseSeconds(spec, rows: 1))
    }

    @Test func coldPointsFollowEvictions() {
        let points = LayerOpsProbe.run(width: 64, variant: .best(), protocol: .smoke, evictBytes: 1 << 20)
        #expect(points.count == 4 * LayerOp.allCases.count)
        let cold = points.filter { $0.cold == true }
        #expect(cold.count == 2 * LayerOp.allCases.count && cold.allSatisfy { $0.calls == 1 && $0.rate.samples.count == 2 })
        for op in LayerOp.allCases { #expect(LayerOpCost(points, op: op, cold: true) != nil, "\(op)") }
    }

    @Test func probeTimesEveryOpOnOneAndManyRows() {
        let points = LayerOpsProbe.run(width: 64, variant: .best(), protocol: .smoke)
        #expect(points.count == 2 * LayerOp.allCases.count)
        #expect(points.allSatisfy { $0.rate.sustained > 0 && $0.width == 64 && [1, LayerOpsProbe.manyRows].contains($0.rows) })
        for op in LayerOp.allCases { #expect(LayerOpCost(points, op: op) != nil, "\(op)") }
    }
}
