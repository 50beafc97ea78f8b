import Testing
@testable import ArchSpec

@Suite struct CalibrationProfileTests {
    /// A tiny plan: every probe runs once on small arrays (a smoke run, not a measurement).
    static func smokePlan() -> CalibrationPlan {
        var plan = CalibrationPlan.make(quick: true, maxThreads: 2, host: .detect(), measureBLAS: false)
        plan.protocolSettings = .smoke
        plan.streamBytes = 1 << 20
        plan.gemmShapes = [GEMMShape(m: 1, n: 32, k: 16), GEMMShape(m: 8, n: 32, k: 16)]
        plan.gemvShapes = [GEMVShape(n: 32, k: 64)]
        plan.gemvK = 64
        plan.attention = [AttentionHeads(heads: 4, kvHeads: 2, headDim: 16)]
        plan.decodeContexts = [8, 32]
        plan.prefillLengths = [4, 16]
        return plan
    }

    @Test func smokeCalibrationRoundTripsThroughYAML() throws {
        let result = Calibrator.run(Self.smokePlan())
        #expect(result.gemm.count == 2 && result.attentionDecode.count == 2 && result.attentionPrefill.count == 2)
        #expect(result.gemv.count == 4)  // three formats + the spec shape
        #expect(result.bandwidth.map(\.kernel) == StreamKernel.allCases)
        #expect(result.gemm.allSatisfy { $0.rate.sustained > 0 && $0.rate.samples.count == 1 })
        #expect(result.summary.fp32Flops == result.gemm.map(\.rate.sustained).max())
        let text = try result.yaml()
        #expect(text.contains("memory_bandwidth:") && text.contains("attention_decode:"))
        let path = "/tmp/archcalc-calibration-test-\(UInt32.random(in: 0...UInt32.max)).yaml"
        try OutputFile.write(text, to: path)
        let reread = try CalibrationResult.load(path: path)
        #expect(reread.gemm.map(\.shape) == result.gemm.map(\.shape))
        #expect(reread.build == result.build)
        // Every layer op on one row and on many, in cache and cold, each round-tripped.
        #expect(result.layerOps?.count == 4 * LayerOp.allCases.count)
        let ops = try #require(result.layerOps), back = try #require(reread.layerOps)
        #expect(back.map(\.op) == ops.map(\.op) && back.map(\.rows) == ops.map(\.rows) && back.map(\.calls) == ops.map(\.calls))
        #expect(back.map(\.cold) == ops.map(\.cold) && ops.filter { $0.cold == true }.count == 2 * LayerOp.allCases.count)
        #expect(zip(back, ops).allSatisfy { abs($0.rate.sustained - $1.rate.sustained) <= 1e-9 * $1.rate.sustained })
    }

    @Test func loadingAMissingOrMalformedProfileThrows() {
        #expect(throws: CalibrationError.unreadable(path: "/nonexistent/profile.yaml")) {
            try CalibrationResult.load(path: "/nonexistent/profile.yaml")
        }
        let path = "/tmp/archcalc-calibration-bad-\(UInt32.random(in: 0...UInt32.max)).yaml"
        try? OutputFile.write("version: [1\n", to: path)
        #expect(throws: CalibrationError.self) { try CalibrationResult.load(path: path) }
    }

    /// A profile with hand-chosen rates, so the model's arithmetic can be checked by hand.
    static func syntheticProfile() -> CalibrationResult {
        var result = Calibrator.run(smokePlan())
        func rate(_ r: Double) -> Rate {
            var v = Rate(Timing(seconds: [1], work: r, interference: Interference(otherCores: 0, stealFraction: 0)))
            v.sustained = r
            return v
        }
        result.gemm = [GEMMPoint(shape: GEMMShape(m: 1, n: 8, k: 4), threads: 2, source: .archcalc, rate: rate(1e9)),
                       GEMMPoint(shape: GEMMShape(m: 4, n: 8, k: 4), threads: 2, source: .archcalc, rate: rate(4e9)),
                       GEMMPoint(shape: GEMMShape(m: 4, n: 8, k: 4), threads: 2, source: .blas, rate: rate(1e12))]
        result.gemv = [GEMVPoint(format: .fp32, n: 8, k: 4, threads: 2, bytes: 128, rate: rate(2e9))]
        let heads = AttentionHeads(heads: 4, kvHeads: 2, headDim: 16)
        result.attentionDecode = [AttentionPoint(heads: heads, tokens: 8, threads: 2, rate: rate(1e9)),
                                  AttentionPoint(heads: heads, tokens: 32, threads: 2, rate: rate(3e9))]
        result.layerOps = nil  // elementwise at the triad bandwidth (CalibrationLayerOpsTests prices layer ops)
        return result
    }

    @Test func latencyModelInterpolatesPerShape() {
        var model = LatencyModel(profile: Self.syntheticProfile(), threads: 2)
        // m = 2 is halfway (in log2) between 1 and 4: 2.5e9 FLOP/s; 2·2·8·4 = 128 FLOP -> 51.2 ns. BLAS is ignored.
        #expect(abs(model.gemmSeconds(m: 2, n: 8, k: 4) - 128 / 2.5e9) < 1e-15)
        #expect(model.notes.isEmpty)
        // GEMV: 8·4 fp32 weights = 128 bytes at 2e9 B/s.
        #expect(abs(model.gemvSeconds(n: 8, k: 4) - 64e-9) < 1e-15)
        // Decode attention at 16 tokens: halfway between 8 and 32 -> 2e9 B/s over 2·4·2·16·16 = 4096 bytes.
        let heads = AttentionHeads(heads: 4, kvHeads: 2, headDim: 16)
        #expect(abs(model.decodeAttentionSeconds(heads, context: 16) - 4096 / 2e9) < 1e-15)
        // An unprofiled shape falls back to the nearest and says so.
        _ = model.gemmSeconds(m: 2, n: 16, k: 4)
        #expect(model.notes.contains { $0.contains("16x4 not profiled") })
    }
}

extension CalibrationProfileTests {
    @Test func gemmCurveIgnoresDipsInM() {
        var profile = Self.syntheticProfile()
        func rate(_ r: Double) -> Rate {
            var v = Rate(Timing(seconds: [1], work: r, interference: Interference(otherCores: 0, stealFraction: 0)))
            v.sustained = r
            return v
        }
        // A noisy dip at m = 4 (2e9 after 4e9 at m = 2): read as 4e9, so m = 4 costs 2·4·8·4 / 4e9 s.
        profile.gemm = [1: 1e9, 2: 4e9, 4: 2e9, 8: 8e9].map {
            GEMMPoint(shape: GEMMShape(m: $0.key, n: 8, k: 4), threads: 2, source: .archcalc, rate: rate($0.value))
        }
        var model = LatencyModel(profile: profile, threads: 2)
        #expect(abs(model.gemmSeconds(m: 4, n: 8, k: 4) - 256 / 4e9) < 1e-15)
        #expect(abs(model.gemmSeconds(m: 8, n: 8, k: 4) - 512 / 8e9) < 1e-15)
    }
}

extension CalibrationProfileTests {
    @Test func convertsToACatalogHardwareProfile() throws {
        var profile = Self.syntheticProfile()
        func rate(_ r: Double) -> Rate {
            var v = Rate(Timing(seconds: [1], work: r, interference: Interference(otherCores: 0, stealFraction: 0)))
            v.sustained = r
            v.best = r * 1.1
            return v
        }
        profile.gemm = [1: 2e9, 64: 6e10, 512: 8e10].map {
            GEMMPoint(shape: GEMMShape(m: $0.key, n: 4096, k: 4096), threads: 2, source: .archcalc, rate: rate($0.value))
        }
        let hardware = profile.hardwareProfile()
        let peak = try #require(hardware.peakFlops.fp32?.value)
        #expect(peak >= 8.8e10)  // at least the best measured sample
        let matmul = try #require(hardware.efficiency?.curves.first { $0.operator == .matmul })
        #expect(matmul.points.count == 3 && matmul.points.allSatisfy { $0.y > 0 && $0.y <= 1 })
        #expect(matmul.points.map(\.x) == matmul.points.map(\.x).sorted())  // intensity grows with M
        // The catalog's own loader accepts what the conversion writes.
        let text = try profile.hardwareProfileYAML()
        let reread = try HardwareLoader.parse(text, path: "calibrated.yaml")
        #expect(reread.peakFlops.fp32?.value == peak)
    }
}
