import Testing
@testable import ArchSpec

@Suite struct SizingQuantizationTests {
    let spec = SizingFixtures.llama31_8b

    @Test func weightScaleTableIsHandWorked() throws {
        let rows = try ScaleOverhead.weights(spec, weights: WeightQuantization(dtype: .int4))
        // Per layer: q 4096x4096, k and v 1024x4096, o 4096x4096, gate and up 14336x4096, down 4096x14336.
        // Output rows per layer: 4096 + 1024 + 1024 + 4096 + 14336 + 14336 + 4096 = 43,008; x 32 layers.
        let perChannel = try #require(rows.first { $0.granularity == .perChannel })
        #expect(perChannel.scales == 43_008 * 32)
        // Groups of 128: every block matrix has 218,103,808 elements / 32 layers... = 6,979,321,856 elements
        // in all, one scale per 128: 54,525,952 scales of 20 bits (fp16 scale + int4 zero) = 136,314,880 bytes.
        let g128 = try #require(rows.first { $0.granularity == .perGroup(128) })
        #expect(g128.scales == 54_525_952)
        #expect(g128.bytes == 136_314_880)
        #expect(g128.payload == 6_979_321_856 / 2)
        let perTensor = try #require(rows.first { $0.granularity == .perTensor })
        #expect(perTensor.scales == Int128(7 * 32))
    }

    @Test func kvScaleTableIsHandWorked() throws {
        let rows = try ScaleOverhead.kvCache(spec, kv: KVQuantization(dtype: .fp8), context: 1000, batch: 2)
        func row(_ g: ScaleGranularity) -> ScaleOverheadRow {
            rows.first { $0.granularity == g } ?? ScaleOverheadRow(granularity: g, scales: -1, bytes: -1, payload: -1)
        }
        let layerScales: Int128 = 2 * 32, headScales: Int128 = 2 * 32 * 8
        #expect(row(.perTensor).scales == layerScales)                       // K and V per layer
        #expect(row(.perHead).scales == headScales)                          // per layer and KV head
        #expect(row(.perToken).scales == headScales * 2000)                  // per token, layer and KV head
        #expect(row(.perGroup(32)).scales == headScales * 4 * 2000)          // 128 / 32 groups per head vector
        #expect(row(.perToken).bytes == headScales * 2000 * 4)               // fp32 scales
        #expect(row(.perToken).payload == headScales * 128 * 2000)           // one byte per fp8 element
    }

    @Test func perTokenKVScalesAreInTheMemoryFigure() throws {
        let plain = try Sizer.size(spec, on: SizingFixtures.hardware("h100-sxm"), request: SizingRequest(
            context: 1000, batch: 1, devices: 1, kv: KVQuantization(dtype: .fp8)))
        let perToken = try Sizer.size(spec, on: SizingFixtures.hardware("h100-sxm"), request: SizingRequest(
            context: 1000, batch: 1, devices: 1, kv: KVQuantization(dtype: .fp8, granularity: .perToken)))
        // per-tensor: 65,536 B per token + 64 static fp32 scales; per-token: + 512 scales x 4 B per token.
        #expect(plain.memory.kvCache == 65_536 * 1000 + 64 * 4)
        #expect(perToken.memory.kvCache == (65_536 + 512 * 4) * 1000)
    }

    @Test func pipelineStagesHoldEmbeddingFirstAndHeadLast() throws {
        let a100 = SizingFixtures.hardware("a100-80gb")
        let layout = ParallelLayout(tp: 1, pp: 2)
        let model = try ShardedModel.build(
            SizingFixtures.llama2_7b, plan: try SizingFixtures.llama2_7b.plan, layout: layout, weights: WeightQuantization(dtype: .bf16),
            kv: KVQuantization(dtype: .bf16),
            parameters: try CostModel.estimate(SizingFixtures.llama2_7b).parameters)
        // 16 layers of 202,383,360 parameters each (4 x 4096^2 + 3 x 4096 x 11008 + 2 x 4096) per stage;
        // stage 0 adds the embedding, stage 1 the lm_head and final norm (32000 x 4096 each, + 4096).
        let layer: Int128 = 4 * 4096 * 4096 + 3 * 4096 * 11008 + 2 * 4096
        #expect(model.weightsPerStage == [2 * (16 * layer + 32000 * 4096), 2 * (16 * layer + 32000 * 4096 + 4096)])
        #expect(model.weightsPerStage.reduce(0, +) == 13_476_831_232)
        #expect(layout.problem(for: SizingFixtures.llama2_7b, on: a100) == nil)
        #expect(ParallelLayout(tp: 3, pp: 1).problem(for: SizingFixtures.llama2_7b, on: a100)
            == "tp 3 does not divide heads 32")
    }

    @Test func sweepsParse() throws {
        #expect(try Sweep.parse("context=1k..8k").values == [1024, 2048, 4096, 8192])
        #expect(try Sweep.parse("batch=1..100").values == [1, 2, 4, 8, 16, 32, 64, 100])
        #expect(try Sweep.parse("batch=1..10+3").values == [1, 4, 7, 10])
        let sixtyFour = try Sweep.parse("context=1k..128k:64")
        #expect(sixtyFour.values.count == 64 && sixtyFour.values.first == 1024 && sixtyFour.values.last == 131072)
        for bad in ["context", "depth=1..2", "batch=8..1", "batch=1..2:1", "batch=0..4", "context=1k..2k+0"] {
            #expect(throws: SizingError.self) { try Sweep.parse(bad) }
        }
    }

    @Test func reservesAndGranularitiesParse() {
        #expect(Reserve.parse("10%") == .fraction(0.1))
        #expect(Reserve.parse("0.05") == .fraction(0.05))
        #expect(Reserve.parse("2GiB") == .bytes(2_147_483_648))
        #expect(Reserve.parse("150%") == nil)
        #expect(ScaleGranularity.parse("per-layer") == .perTensor)
        #expect(ScaleGranularity.parse("per-group-64") == .perGroup(64))
        #expect(ScaleGranularity.parse("g128") == .perGroup(128))
        #expect(ScaleGranularity.parse("per-group-0") == nil)
    }

    @Test func fp8WeightsComputeInFP8WhereTheDeviceHasIt() throws {
        let fp8 = WeightQuantization(dtype: .fp8)
        let h100 = try Sizer.size(spec, on: SizingFixtures.hardware("h100-sxm"),
                                  request: SizingRequest(context: 128, devices: 1, weights: fp8))
        let a100 = try Sizer.size(spec, on: SizingFixtures.hardware("a100-80gb"),
                                  request: SizingRequest(context: 128, devices: 1, weights: fp8))
        #expect(h100.computeDType == .fp8 && h100.prefill.peakFlopsPerDevice == 1978.9e12)
        #expect(a100.computeDType == .bf16 && a100.prefill.peakFlopsPerDevice == 312e12)
    }
}
