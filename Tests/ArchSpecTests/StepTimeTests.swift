import Foundation
import Testing
@testable import ArchSpec

@Suite struct StepTimeTests {
    /// A minimal hardware profile whose interconnect is `interconnect`, for `step_time` keys to be added to.
    static func profileYAML(interconnect: String) -> String {
        """
        id: x
        name: X
        vendor: v
        memory: 80 GiB
        memory_bandwidth: 3 TB/s
        peak_flops: {bf16: 1000 TFLOPS}
        interconnect: {kind: \(interconnect), bandwidth: 450 GB/s}
        devices_per_node: 8
        """
    }

    /// Flat parameters so every term can be worked by hand: efficiency 0.5 everywhere, a 3 us floor.
    static let flat: StepTimeParameters = {
        let half = SourcedCurve([(1, 0.5)])
        return StepTimeParameters(
            gemmCompute: DTypeCurves(bf16: half, fp8: half), gemmBandwidth: DTypeCurves(bf16: half, fp8: half),
            gemmSize: SourcedCurve([(1, 1)]), attentionPrefill: half, attentionDecode: half,
            attentionDecodeLatency: Sourced(0), kernelFloor: Sourced(3e-6), elementwiseBandwidth: Sourced(0.5),
            elementwiseLatency: Sourced(0), launch: .graph, eagerLaunch: Sourced(5e-6),
            allReduceLatency: Sourced(4e-6), allReduceBandwidth: Sourced(0.5), allToAllLatency: Sourced(10e-6),
            routingBias: Sourced(1), stepOverhead: Sourced(0),
            elementwiseOps: .uniform(ElementwiseFigures(latency: Sourced(0), bandwidth: Sourced(0.5))),
            allToAllBandwidth: Sourced(0.5))
    }()
    static let kernels = KernelTimes(parameters: flat, bandwidth: 1e12, link: 100e9)

    @Test func gemmIsTheLongerOfComputeAndWeightStreaming() {
        let shape = WeightGEMM(name: "w", n: 4096, k: 4096, weightBits: 16)
        // M = 1: weights 4096 x 4096 x 2 = 33,554,432 B + 1 x 8192 x 2 B of activations = 33,570,816 B at
        // 0.5 x 1e12 B/s = 67.14 us; compute 2 x 4096^2 = 33.55 MFLOP at 0.5 x 1e15 = 0.067 us.
        let one = Self.kernels.gemm(shape, m: 1, peak: 1e15, computeBits: 16, computeIsFloat: true)
        #expect(abs(one.seconds - 33_570_816 / 0.5e12) < 1e-12 && !one.computeBound)
        // M = 8192: compute 2 x 8192 x 4096^2 = 274.9 GFLOP at 0.5e15 = 549.8 us; memory (33.55 MB + 8192 x 8192 x
        // 2 B = 134.2 MB) / 0.5e12 = 335.5 us: compute-bound.
        let big = Self.kernels.gemm(shape, m: 8192, peak: 1e15, computeBits: 16, computeIsFloat: true)
        #expect(abs(big.seconds - 2 * 8192 * 4096 * 4096 / 0.5e15) < 1e-12 && big.computeBound)
    }

    @Test func tinyKernelsTakeTheFloor() {
        #expect(Self.kernels.elementwise(bytes: 1000) == 3e-6)
        #expect(Self.kernels.decodeAttention(bytes: 10) == 3e-6)
        // 10 MB at 0.5 x 1 TB/s = 20 us.
        #expect(abs(Self.kernels.elementwise(bytes: 10e6) - 20e-6) < 1e-15)
    }

    @Test func decodeAttentionIsLatencyPlusKVBytes() {
        var withLatency = Self.flat
        withLatency.attentionDecodeLatency = Sourced(10e-6)
        let k = KernelTimes(parameters: withLatency, bandwidth: 1e12, link: 100e9)
        // 10 us + 8 MB at 0.5 x 1 TB/s (16 us) = 26 us; 10 bytes: 10 us + 20 ps, above the 3 us floor.
        #expect(abs(k.decodeAttention(bytes: 8e6) - 26e-6) < 1e-15)
        #expect(abs(k.decodeAttention(bytes: 10) - (10e-6 + 10 / 0.5e12)) < 1e-15)
    }

    @Test func elementwiseIsLatencyPlusBytes() {
        var withLatency = Self.flat
        withLatency.elementwiseLatency = Sourced(2e-6)
        let k = KernelTimes(parameters: withLatency, bandwidth: 1e12, link: 100e9)
        // 2 us + 10 MB at 0.5 x 1 TB/s (20 us) = 22 us; 1,000 bytes: 2 us + 2 ns, below the 3 us floor.
        #expect(abs(k.elementwise(bytes: 10e6) - 22e-6) < 1e-15)
        #expect(k.elementwise(bytes: 1000) == 3e-6)
        // 1.5 MB: 2 us + 3 us = 5 us, above the floor, where the latency-free kernel sits at 3 us.
        #expect(abs(k.elementwise(bytes: 1.5e6) - 5e-6) < 1e-15)
        #expect(abs(Self.kernels.elementwise(bytes: 1.5e6) - 3e-6) < 1e-15)
    }

    @Test func allReduceIsLatencyPlusRingBytes() {
        // tp 4, 1 MB: 4 us + 2 x 3/4 x 1e6 / (0.5 x 100e9) = 4 + 30 = 34 us.
        #expect(abs(Self.kernels.allReduce(message: 1e6, ranks: 4) - 34e-6) < 1e-15)
        #expect(Self.kernels.allReduce(message: 1e6, ranks: 1) == 0)
        // all-to-all over 8 ranks, 8 MB: 10 us + 7/8 x 8e6 / 50e9 = 10 + 140 = 150 us.
        #expect(abs(Self.kernels.allToAll(bytes: 8e6, ranks: 8) - 150e-6) < 1e-15)
    }

    @Test func eagerLaunchMakesShortKernelsWaitForTheHost() {
        var eager = Self.flat
        eager.launch = .eager
        let k = KernelTimes(parameters: eager, bandwidth: 1e12, link: 100e9)
        #expect(abs(k.launchWait(kernel: 3e-6) - 2e-6) < 1e-18)
        #expect(k.launchWait(kernel: 50e-6) == 0)
        #expect(Self.kernels.launchWait(kernel: 3e-6) == 0)
    }

    @Test func routingTouchesTheExpectedExpertsAndSkewsExpertParallelRanks() {
        // One token, top-8 of 128: exactly 8 experts touched, 8 rows, 1 row each.
        let one = RoutingLoad(tokens: 1, experts: 128, topK: 8)
        #expect(abs(one.activeExperts - 8) < 1e-9 && one.rows == 8 && one.rowsPerActiveExpert == 1)
        // 64 tokens: 128 x (1 - (120/128)^64) = 126.1 experts; 512 rows.
        let many = RoutingLoad(tokens: 64, experts: 128, topK: 8)
        #expect(abs(many.activeExperts - 128 * (1 - pow(120.0 / 128, 64))) < 1e-9 && many.rows == 512)
        // EP 8: mean 64 rows per rank, busiest 64 + sqrt(2 x 64 x ln 8) = 64 + 16.13 = 80.13.
        let ep = RoutingLoad(tokens: 64, experts: 128, topK: 8, ranks: 8)
        #expect(abs(ep.rows - (64 + (128 * log(8.0)).squareRoot())) < 1e-9)
        // A bias of 2 doubles the mean share before the excess.
        let biased = RoutingLoad(tokens: 64, experts: 128, topK: 8, ranks: 8, bias: 2)
        #expect(abs(biased.rows - (128 + (256 * log(8.0)).squareRoot())) < 1e-9)
    }

    @Test func aDecodeStepSumsItsKernelsByHand() {
        // One layer: one 4096 x 4096 bf16 GEMM, 8 MB of KV, 4 elementwise kernels, tp 2 (2 all-reduces).
        let layer = LayerWork(count: 2, gemms: [WeightGEMM(name: "w", n: 4096, k: 4096, weightBits: 16)],
                              cacheBytes: 8e6, elementwise: Array(repeating: ElementwiseKernel(.addNorm, width: 4096), count: 4),
                              allReduces: 2)
        let work = StepWork(tokens: 1, sequences: 1, context: 1000, hidden: 4096, tp: 2, peak: 1e15, peak16: 1e15,
                            stages: [StageWork(layers: [layer])])
        let step = StepTimeModel.time(work, kernels: Self.kernels)
        let gemm = 33_570_816 / 0.5e12, attention = 8e6 / 0.5e12, elementwise = 3e-6
        let reduce = 4e-6 + 2 * 0.5 * 8192 / 50e9
        #expect(abs(step.gemm - 2 * gemm) < 1e-12)
        #expect(abs(step.attention - 2 * attention) < 1e-12)
        #expect(abs(step.elementwise - 2 * 4 * elementwise) < 1e-12)
        #expect(abs(step.communication - 2 * 2 * reduce) < 1e-12)
        #expect(step.kernels == 2 * (1 + 1 + 4 + 2) && step.pipelineBubble == 0)
        #expect(abs(step.seconds - (step.gemm + step.attention + step.elementwise + step.communication)) < 1e-15)
    }

    /// Each elementwise kernel moves its own bytes: 1,000 tokens through a fused add + norm over hidden 4096
    /// (5 x 4096 x 2 = 40,960 B per token), rope over 20 heads of 128 (2 x 2560 x 2 = 10,240 B) and a gated
    /// activation over 7168 (3 x 7168 x 2 = 43,008 B), at 0.5 x 1e12 B/s: 81.92 + 20.48 + 86.016 us.
    @Test func elementwiseKernelsArePricedByTheirOwnBytes() {
        let kernels = [ElementwiseKernel(.addNorm, width: 4096), ElementwiseKernel(.rope, width: 2560),
                       ElementwiseKernel(.gatedActivation, width: 7168)]
        let layer = LayerWork(count: 1, gemms: [], hasMixerKernel: false, elementwise: kernels, allReduces: 0)
        let work = StepWork(tokens: 1000, sequences: 1, context: 1000, hidden: 4096, peak: 1e15, peak16: 1e15,
                            stages: [StageWork(layers: [layer])])
        let step = StepTimeModel.time(work, kernels: Self.kernels)
        #expect(abs(step.elementwise - (81.92e-6 + 20.48e-6 + 86.016e-6)) < 1e-12)
        #expect(ElementwiseOp.allCases.map(\.passes) == [3, 5, 3, 2, 3, 2, 1.5, 2])
    }

    /// What the builder gives a Llama-3.1-8B layer at tp 2: the norms keep hidden 4096, rope takes this rank's 16 q
    /// and 4 KV heads of 128 (2560), the activation half of 14336 (7168); the head stages add the embedding
    /// gather, the final norm and two sampling kernels.
    @Test func theBuilderGivesEachLayerItsOwnWidths() throws {
        let setup = try Setup(SizingFixtures.llama31_8b, hardware: SizingFixtures.hardware("h100-sxm"),
                              request: SizingRequest(context: 2048, tp: 2, pp: 1))
        let candidate = try LayoutSearch.evaluate(ParallelLayout(tp: 2, pp: 1), setup)
        let work = StepWorkBuilder(setup: setup, candidate: candidate).decode()
        let layer = try #require(work.stages.first?.layers.first)
        #expect(layer.elementwise == [ElementwiseKernel(.addNorm, width: 4096), ElementwiseKernel(.rope, width: 2560),
                                      ElementwiseKernel(.addNorm, width: 4096), ElementwiseKernel(.gatedActivation, width: 7168)])
        #expect(work.stages.first?.elementwise.map(\.op) == [.copy, .addNorm, .copy, .copy])
    }

    @Test func pipelineStagesAddASendAndLeaveABubble() {
        let layer = LayerWork(count: 1, gemms: [], hasMixerKernel: false, elementwise: [ElementwiseKernel(.copy, width: 1000)],
                              allReduces: 0)
        let work = StepWork(tokens: 1, sequences: 1, context: 1, hidden: 1000, peak: 1e15, peak16: 1e15,
                            stages: [StageWork(layers: [layer]), StageWork(layers: [layer])])
        let step = StepTimeModel.time(work, kernels: Self.kernels)
        // One send of 1 x 1000 x 2 B: 4 us + 2000 / 50e9 = 4.04 us; 2 stages, 1 micro-batch: bubble 1/2.
        #expect(abs(step.communication - (4e-6 + 2000 / 50e9)) < 1e-15)
        #expect(step.pipelineBubble == 0.5)
    }

    @Test func profileFiguresOverrideTheDefaultsFieldByField() {
        let mine = StepTimeParameters(gemmCompute: DTypeCurves(fp8: SourcedCurve([(1, 0.9)], source: "mine")),
                                      kernelFloor: Sourced(1e-6, source: "mine"))
        let merged = mine.merged(over: .defaults)
        #expect(merged.kernelFloor?.value == 1e-6)
        #expect(merged.gemmCompute?.fp8?.value(at: 100) == 0.9)
        #expect(merged.gemmCompute?.bf16 == StepTimeParameters.defaults.gemmCompute?.bf16)
        #expect(merged.allReduceLatency == StepTimeParameters.defaults.allReduceLatency)
    }

    @Test func everyDefaultNamesItsSource() {
        let d = StepTimeParameters.defaults
        let curves = [d.gemmCompute?.bf16, d.gemmCompute?.fp8, d.gemmBandwidth?.bf16, d.gemmBandwidth?.fp8, d.gemmSize,
                      d.attentionPrefill, d.attentionDecode]
        #expect(curves.allSatisfy { $0?.source?.isEmpty == false })
        let figures: [String?] = [d.kernelFloor?.source, d.elementwiseBandwidth?.source, d.eagerLaunch?.source,
                                  d.allReduceLatency?.source, d.allReduceBandwidth?.source, d.allToAllLatency?.source,
                                  d.allToAllBandwidth?.source, StepTimeParameters.rdmaAllToAllLatency.source,
                                  StepTimeParameters.rdmaAllToAllBandwidth.source,
                                  d.routingBias?.source, d.stepOverhead?.source]
        #expect(figures.allSatisfy { $0?.isEmpty == false })
        let ops = d.elementwiseOps?.named.compactMap(\.figures) ?? []
        #expect(ops.count == 4)
        #expect(ops.allSatisfy { $0.latency?.source?.isEmpty == false && $0.bandwidth?.source?.isEmpty == false })
    }

    @Test func aUserProfileSetsStepTimeFiguresAndTypoedKeysAreRefused() throws {
        let base = Self.profileYAML(interconnect: "k")
        let good = base + """

            step_time:
              kernel_floor: {value: 2 us, source: "measured: nsys"}
              launch: eager
              gemm_compute:
                fp8: {source: "measured", points: [{x: 1, y: 0.2}, {x: 4096, y: 0.7}]}
              routing_bias: 1.5
            """
        let profile = try HardwareLoader.parse(good, path: "x.yaml")
        #expect(abs((profile.stepTime?.kernelFloor?.value ?? 0) - 2e-6) < 1e-18)
        #expect(profile.resolvedStepTime.launch == .eager)
        #expect(profile.resolvedStepTime.gemmCompute?.fp8?.value(at: 4096) == 0.7)
        #expect(profile.resolvedStepTime.allReduceLatency == StepTimeParameters.defaults.allReduceLatency)
        #expect(throws: HardwareError.self) { try HardwareLoader.parse(base + "\nstep_time: {kernel_flor: 1 us}\n", path: "x.yaml") }
        #expect(throws: HardwareError.self) { try HardwareLoader.parse(base + "\nstep_time: {routing_bias: 0.5}\n", path: "x.yaml") }
        #expect(throws: HardwareError.malformed(path: "x.yaml", line: 9, column: 21,
                                                message: "step_time.launch: 'fast' is not a launch mode; use graph or eager")) {
            try HardwareLoader.parse(base + "\nstep_time: {launch: fast}\n", path: "x.yaml")
        }
        #expect(throws: HardwareError.self) {
            try HardwareLoader.parse(base + "\nstep_time: {attention_decode: {points: [{x: 1, y: 2}]}}\n", path: "x.yaml")
        }
        let latency = try HardwareLoader.parse(base + "\nstep_time: {elementwise_latency: 2 us}\n", path: "x.yaml")
        #expect(abs((latency.resolvedStepTime.elementwiseLatency?.value ?? 0) - 2e-6) < 1e-18)
        #expect(throws: HardwareError.self) {
            try HardwareLoader.parse(base + "\nstep_time: {elementwise_latency: 2 s}\n", path: "x.yaml")
        }
    }

    @Test func sizeUsesTheStepModelByDefaultAndTheRooflineOnRequest() throws {
        let h100 = SizingFixtures.hardware("h100-sxm")
        let step = try Sizer.size(SizingFixtures.llama31_8b, on: h100, request: SizingRequest(context: 2048, batch: 1, devices: 1))
        let roofline = try Sizer.size(SizingFixtures.llama31_8b, on: h100,
                                      request: SizingRequest(context: 2048, batch: 1, devices: 1, timing: .roofline))
        let decode = try #require(step.decode.step)
        #expect(roofline.decode.step == nil)
        // 32 layers x (qkv, o, gate_up, down, attention, 4 elementwise) + embedding + norm + 2 sampling + lm_head.
        #expect(decode.kernels == 32 * 9 + 5)
        #expect(abs(step.decode.seconds - decode.seconds) < 1e-15)
        // Same counts and datasheet-only time in both.
        #expect(step.decode.idealSeconds == roofline.decode.idealSeconds && step.decode.flops == roofline.decode.flops)
        // Prefill of 2,048 tokens is one chunk, compute-bound.
        #expect(step.prefill.steps == 1 && step.prefill.bound == .compute)
    }

    @Test func moreChunksThanIntHoldsDoNotTrap() throws {
        // A tiny model at 10^6 tokens x 10^17 sequences: 10^23 prefill tokens, 1.2e19 chunks of 8192 (past
        // Int.max), every count still inside 128 bits.
        let tiny = ArchitectureSpec(
            name: "tiny", vocabSize: 64, hiddenSize: 64, layers: 1, contextLength: 1_000_000, dtype: .bf16,
            tieEmbeddings: true, attention: AttentionSpec(heads: 1, kvHeads: 1, headDim: 64),
            mlp: MLPSpec(kind: .gated, intermediateSize: 64, activation: "silu"),
            norm: NormSpec(kind: .rmsnorm, bias: false), position: PositionSpec(kind: .rope))
        let result = try Sizer.size(tiny, on: SizingFixtures.hardware("h100-sxm"),
                                     request: SizingRequest(context: 1_000_000, batch: 100_000_000_000_000_000, devices: 1))
        #expect(result.prefill.seconds.isFinite && result.prefill.seconds > 0)
        #expect(result.prefill.steps == Int(1e15))
    }

    @Test func aMoELayerWithQKNormsRunsItsRoutingAndNormKernels() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let spec = try #require(SpecLoader.load(path: root + "/specs/qwen3-30b-a3b.yaml").spec)
        let result = try Sizer.size(spec, on: SizingFixtures.hardware("h100-sxm"),
                                    request: SizingRequest(context: 2048, batch: 1, devices: 1))
        let step = try #require(result.decode.step)
        // 48 layers x (qkv, o, router, 2 grouped expert GEMMs, attention, 4 elementwise + 3 routing + 1 q/k norm)
        // + embedding, final norm, 2 sampling kernels and lm_head.
        #expect(step.kernels == 48 * (3 + 2 + 1 + 8) + 5)
        // One token touches top_k = 8 experts, so each grouped GEMM (gate_up 1536 x 2048, down 2048 x 768) streams
        // 8 experts' weights at M = 1, not 128: 8 x 4,718,592 x 2 B = 75.5 MB for the layer, at moe_bandwidth(75.5 MB),
        // and its arithmetic at moe_compute 0.89 of gemm_compute (gemm_size read over the 8 experts' N x K together),
        // the two added in quadrature.
        let kernels = KernelTimes(hardware: SizingFixtures.hardware("h100-sxm"))
        let e = try #require(kernels.parameters.moeBandwidth).value(at: 8 * 4_718_592 * 2)
        let perLayer = [WeightGEMM(name: "gate_up", n: 1536, k: 2048, weightBits: 16),
                        WeightGEMM(name: "down", n: 2048, k: 768, weightBits: 16)].map { (shape: WeightGEMM) -> Double in
            let one = kernels.gemmParts(shape, m: 1, peak: 989.4e12, computeBits: 16, computeIsFloat: true,
                                        sizeElements: 8 * shape.n * shape.k)
            let memory = 8 * (shape.weightBytes + (shape.n + shape.k) * 2) / (3.35e12 * e)
            let compute = 8 * one.compute / 0.89
            return max((compute * compute + memory * memory).squareRoot(), 3e-6)
        }.reduce(0.0, +)
        #expect(abs(step.moe - 48 * perLayer) < 1e-12)
    }

    /// A norm with its own figures takes them; an operation without a key (quantize) or without figures takes
    /// `elementwise_latency` and `elementwise_bandwidth`. 10 MB at 1 TB/s: norm 4 us + 10 MB / 0.25 TB/s = 44 us;
    /// add + norm (the fixture's uniform 0 us, 0.5) 20 us; quantize (0 us, 0.5) 20 us.
    @Test func perOperationElementwiseFiguresFallBackToTheGenericOnes() throws {
        var mine = Self.flat
        mine.elementwiseOps?.norm = ElementwiseFigures(latency: Sourced(4e-6), bandwidth: Sourced(0.25))
        let k = KernelTimes(parameters: mine, bandwidth: 1e12, link: 100e9)
        #expect(abs(k.elementwise(bytes: 10e6, op: .norm) - 44e-6) < 1e-15)
        #expect(abs(k.elementwise(bytes: 10e6, op: .addNorm) - 20e-6) < 1e-15)
        #expect(abs(k.elementwise(bytes: 10e6, op: .quantize) - 20e-6) < 1e-15)
        // From YAML: add_norm has no default figures, so a bandwidth alone keeps elementwise_latency's 1.8 us:
        // 1.8 us + 10 MB / (3 TB/s x 0.5) = 8.4667 us; the norm keeps its defaults (4 us, 0.75): 4 + 4.4444 us.
        let base = Self.profileYAML(interconnect: "k")
        let profile = try HardwareLoader.parse(
            base + "\nstep_time: {elementwise_ops: {add_norm: {bandwidth: {value: 0.5, source: measured}}}}\n", path: "x.yaml")
        let kernels = KernelTimes(hardware: profile)
        #expect(abs(kernels.elementwise(bytes: 10e6, op: .addNorm) - (1.8e-6 + 10e6 / 1.5e12)) < 1e-15)
        #expect(abs(kernels.elementwise(bytes: 10e6, op: .norm) - (4e-6 + 10e6 / 2.25e12)) < 1e-15)
        // A profile that sets the generic pair means it for every operation it does not name: the H100-fitted
        // per-operation defaults are not inherited (1.8 us -> 2 us, 0.71 -> 0.5 for the norm: 2 + 6.6667 us).
        let generic = try HardwareLoader.parse(
            base + "\nstep_time: {elementwise_latency: 2 us, elementwise_bandwidth: 0.5, elementwise_ops: {rope: {latency: 1 us}}}\n",
            path: "x.yaml")
        let genericKernels = KernelTimes(hardware: generic)
        #expect(abs(genericKernels.elementwise(bytes: 10e6, op: .norm) - (2e-6 + 10e6 / 1.5e12)) < 1e-15)
        #expect(abs(genericKernels.elementwise(bytes: 10e6, op: .rope) - (1e-6 + 10e6 / 1.5e12)) < 1e-15)
        #expect(generic.resolvedStepTime.elementwiseOps?.norm == nil)
        for bad in ["{nrom: {latency: 1 us}}", "{norm: {latncy: 1 us}}", "{norm: {latency: {value: 1 us, sorce: x}}}",
                    "{norm: {bandwidth: 2}}", "{rope: {latency: 2 s}}"] {
            #expect(throws: HardwareError.self) {
                try HardwareLoader.parse(base + "\nstep_time: {elementwise_ops: \(bad)}\n", path: "x.yaml")
            }
        }
    }

    /// One all-to-all of 128 tokens x top 8 x 14,336 B (a bf16 combine of DeepSeek-V3 shapes) over 8 ranks: 7/8 of
    /// 14,680,064 B = 12,845,056 B leave the rank. NVLink (H100, 450 GB/s, pplx-kernels' fit 41.5 us, 0.42):
    /// 41.5 + 67.963 = 109.463 us; InfiniBand at 50 GB/s (DeepEP's fit 13.5 us, 1.00): 13.5 + 256.901 = 270.401 us;
    /// a profile's own figures win.
    @Test func allToAllFollowsTheLinkClass() throws {
        let bytes = 128.0 * 8 * 14336
        let nvlink = KernelTimes(hardware: SizingFixtures.hardware("h100-sxm"))
        #expect(abs(nvlink.allToAll(bytes: bytes, ranks: 8) - 109.463e-6) < 1e-9)
        let ib = try HardwareLoader.parse(Self.profileYAML(interconnect: "InfiniBand NDR").replacingOccurrences(
            of: "450 GB/s", with: "50 GB/s"), path: "x.yaml")
        #expect(abs(KernelTimes(hardware: ib).allToAll(bytes: bytes, ranks: 8) - 270.401e-6) < 1e-9)
        var own = ib
        own.stepTime = StepTimeParameters(allToAllLatency: Sourced(5e-6), allToAllBandwidth: Sourced(0.5))
        #expect(abs(KernelTimes(hardware: own).allToAll(bytes: bytes, ranks: 8) - (5e-6 + 12_845_056 / 25e9)) < 1e-12)
        #expect(KernelTimes(hardware: own).allToAll(bytes: bytes, ranks: 1) == 0)
        #expect(throws: HardwareError.self) {
            try HardwareLoader.parse(Self.profileYAML(interconnect: "k") + "\nstep_time: {alltoall_bandwidth: 1.5}\n",
                                     path: "x.yaml")
        }
    }

    /// docs/hardware.md's step_time table names every key a profile may set, the per-operation ones included.
    @Test func everyStepTimeKeyIsDocumented() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let text = try String(contentsOfFile: root + "/docs/hardware.md", encoding: .utf8)
        for key in StepTimeParameters.CodingKeys.allCases.map(\.rawValue) {
            #expect(text.contains("`\(key)") || text.contains(", `\(key)`"), "docs/hardware.md lacks step_time.\(key)")
        }
        let ops = ElementwiseOpFigures.CodingKeys.allCases.map(\.rawValue).joined(separator: ",")
        let figures = ElementwiseFigures.CodingKeys.allCases.map(\.rawValue).joined(separator: ",")
        #expect(text.contains("`elementwise_ops.{\(ops)}.{\(figures)}`"))
    }

    @Test func allReduceLatencyFollowsTheLink() {
        // NVLink: the measured 4.3 us default; PCIe: archcalc's 10 us collective default; a profile's link
        // latency, then its step_time figure, override both.
        #expect(KernelTimes(hardware: SizingFixtures.hardware("h100-sxm")).parameters.allReduceLatency?.value == 4.3e-6)
        #expect(KernelTimes(hardware: SizingFixtures.hardware("l40s")).parameters.allReduceLatency?.value == 10e-6)
        var custom = SizingFixtures.hardware("l40s")
        custom.interconnect.latency = Sourced(25e-6, source: "measured")
        #expect(KernelTimes(hardware: custom).parameters.allReduceLatency?.value == 25e-6)
        custom.stepTime = StepTimeParameters(allReduceLatency: Sourced(7e-6, source: "measured"))
        #expect(KernelTimes(hardware: custom).parameters.allReduceLatency?.value == 7e-6)
    }

    /// `step_time.allreduce: nccl` (or `--allreduce nccl`) picks NCCL's small-message latency on NVLink only;
    /// a link latency or an explicit `allreduce_latency` still wins, and other links keep the 10 us default.
    @Test func theAllReduceChoicePicksTheNVLinkLatency() throws {
        var nccl = SizingFixtures.hardware("h100-sxm")
        nccl.stepTime = StepTimeParameters(allReduce: .nccl)
        #expect(KernelTimes(hardware: nccl).parameters.allReduceLatency?.value == 16.84e-6)
        var pcie = SizingFixtures.hardware("l40s")
        pcie.stepTime = StepTimeParameters(allReduce: .nccl)
        #expect(KernelTimes(hardware: pcie).parameters.allReduceLatency?.value == 10e-6)
        nccl.stepTime?.allReduceLatency = Sourced(6e-6, source: "measured")
        #expect(KernelTimes(hardware: nccl).parameters.allReduceLatency?.value == 6e-6)
        #expect(StepTimeParameters.defaults.allReduce == .custom)
        // Llama-3-70B on 4 x H100, decode at batch 1: 80 layers x 2 all-reduces, each 16.84 - 4.3 = 12.54 us longer.
        let h100 = SizingFixtures.hardware("h100-sxm")
        let request = SizingRequest(context: 2048, devices: 4, tp: 4, pp: 1)
        var ncclRequest = request
        ncclRequest.allReduce = .nccl
        let a = try #require(try Sizer.size(SizingFixtures.llama3_70b, on: h100, request: request).decode.step)
        let b = try #require(try Sizer.size(SizingFixtures.llama3_70b, on: h100, request: ncclRequest).decode.step)
        #expect(abs((b.communication - a.communication) - 160 * 12.54e-6) < 1e-12)
        // A profile names it as a key; anything but custom or nccl is refused.
        let base = Self.profileYAML(interconnect: "NVLink 4")
        let parsed = try HardwareLoader.parse(base + "\nstep_time: {allreduce: nccl}\n", path: "x.yaml")
        #expect(parsed.resolvedStepTime.allReduce == .nccl)
        #expect(throws: HardwareError.self) { try HardwareLoader.parse(base + "\nstep_time: {allreduce: mpi}\n", path: "x.yaml") }
    }
}
