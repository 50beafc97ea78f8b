import ArchSpec
import Foundation
import Testing

/// A small deterministic generator (SplitMix64), so failures reproduce from the seed in the test name.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random valid dense specs: head counts with valid GQA groupings, odd sizes, every kind of block.
enum SpecGenerator {
    static func spec(_ rng: inout SplitMix) -> ArchitectureSpec {
        let kvHeads = [1, 2, 4, 8].randomElement(using: &rng)!
        let groups = Int.random(in: 1...8, using: &rng)
        let heads = kvHeads * groups
        let headDim = [32, 64, 80, 96, 128, 256].randomElement(using: &rng)!
        return ArchitectureSpec(
            name: "generated", vocabSize: Int.random(in: 1...300_000, using: &rng),
            hiddenSize: heads * headDim, layers: Int.random(in: 1...128, using: &rng),
            contextLength: Int.random(in: 1...262_144, using: &rng), dtype: DType.allCases.randomElement(using: &rng)!,
            tieEmbeddings: Bool.random(using: &rng),
            attention: AttentionSpec(heads: heads, kvHeads: kvHeads, headDim: headDim,
                                     qkvBias: Bool.random(using: &rng), outBias: Bool.random(using: &rng)),
            mlp: MLPSpec(kind: MLPKind.allCases.randomElement(using: &rng)!,
                         intermediateSize: Int.random(in: 1...60_000, using: &rng), activation: "silu",
                         bias: Bool.random(using: &rng)),
            norm: NormSpec(kind: NormKind.allCases.randomElement(using: &rng)!, bias: Bool.random(using: &rng)),
            position: PositionSpec(kind: PositionKind.allCases.randomElement(using: &rng)!))
    }
}

struct PropertyTests {
    static let seeds: [UInt64] = Array(1...40)

    func estimate(_ spec: ArchitectureSpec, context: Int = 1024, batch: Int = 1) throws -> Estimate {
        try CostModel.estimate(spec, options: CostOptions(context: context, batch: batch))
    }

    @Test(arguments: seeds)
    func totalsEqualTheSumOfComponents(seed: UInt64) throws {
        var rng = SplitMix(state: seed)
        for _ in 0..<25 {
            let e = try estimate(SpecGenerator.spec(&rng))
            let p = e.parameters
            #expect(p.embedding + p.position + p.attention + p.ssm + p.mlp + p.norm + p.lmHead == p.total)
            #expect(e.flops.prefill.linear + e.flops.prefill.attention == e.flops.prefill.total)
            #expect(e.flops.decode.linear + e.flops.decode.attention == e.flops.decode.total)
            #expect(p.active == p.total)
        }
    }

    @Test(arguments: seeds)
    func costsGrowWithLayersHiddenAndIntermediate(seed: UInt64) throws {
        var rng = SplitMix(state: seed)
        let base = SpecGenerator.spec(&rng)
        let before = try estimate(base)
        var deeper = base
        deeper.layers += 1
        var wider = base
        wider.hiddenSize += base.attention.heads
        wider.attention.headDim += 1
        var fatter = base
        fatter.mlp.intermediateSize += 1
        for bigger in [deeper, wider, fatter] {
            let after = try estimate(bigger)
            #expect(after.parameters.total > before.parameters.total)
            #expect(after.flops.decode.total > before.flops.decode.total)
            #expect(after.flops.prefill.total > before.flops.prefill.total)
            #expect(after.weights.bytes >= before.weights.bytes)
        }
        #expect(try estimate(deeper).kvCache.bytes > before.kvCache.bytes)
    }

    @Test(arguments: seeds)
    func kvPerTokenIsOrderedMQAThenGQAThenMHA(seed: UInt64) throws {
        var rng = SplitMix(state: seed)
        var gqa = SpecGenerator.spec(&rng)
        gqa.attention.heads = gqa.attention.kvHeads * 4
        var mqa = gqa, mha = gqa
        mqa.attention.kvHeads = 1
        mha.attention.kvHeads = gqa.attention.heads
        let kv = { (spec: ArchitectureSpec) in try estimate(spec).kvCache.bytesPerToken }
        #expect(try kv(mqa) <= kv(gqa))
        #expect(try kv(gqa) <= kv(mha))
        #expect(try estimate(mqa).parameters.total <= estimate(mha).parameters.total)
    }

    @Test(arguments: seeds)
    func contextAndBatchNeverDecreaseCosts(seed: UInt64) throws {
        var rng = SplitMix(state: seed)
        let spec = SpecGenerator.spec(&rng)
        let context = Int.random(in: 1...100_000, using: &rng)
        let short = try estimate(spec, context: context)
        let long = try estimate(spec, context: context + 1)
        #expect(long.flops.prefill.total > short.flops.prefill.total)
        #expect(long.flops.decode.attention > short.flops.decode.attention)
        #expect(long.kvCache.bytes > short.kvCache.bytes)
        let batched = try estimate(spec, context: context, batch: 3)
        #expect(batched.flops.decode.total == 3 * short.flops.decode.total)
    }

    @Test(arguments: seeds)
    func jsonParsesAndItsIntegersAreExact(seed: UInt64) throws {
        var rng = SplitMix(state: seed)
        var spec = SpecGenerator.spec(&rng)
        spec.layers = Int.random(in: 1_000...1_000_000, using: &rng)  // push counts past 2^53
        let e = try CostModel.estimate(spec, options: CostOptions(context: 1 << 20, batch: 4096))
        let text = JSONEstimateRenderer().render(EstimationRun(reports: [EstimateReport(estimate: e, source: "x")]))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let parsed = try #require(document["estimates"] as? [[String: Any]])
        #expect(parsed.count == 1 && document["version"] as? Int == 1)
        #expect(text.contains("\"total\": \(e.flops.prefill.total)"))
        #expect(text.contains("\"total\": \(e.parameters.total)"))
        #expect(!text.contains("e+"))
    }
}

/// Invariants of the transformations: pruning and writing specs back out.
struct TransformPropertyTests {
    @Test(arguments: PropertyTests.seeds)
    func pruningHeadsNeverIncreasesAnyCost(seed: UInt64) throws {
        var rng = SplitMix(state: seed)
        let spec = SpecGenerator.spec(&rng)
        let options = CostOptions(context: Int.random(in: 1...32_768, using: &rng), batch: Int.random(in: 1...16, using: &rng))
        let before = try CostModel.estimate(spec, options: options)
        for percent in [10.0, 30.0, 50.0, 75.0, 99.0] {
            guard let (pruned, summary) = try? HeadPruning.prune(spec, .percent(percent)) else { continue }
            #expect(summary.headsAfter < summary.headsBefore)
            #expect(pruned.attention.heads % pruned.attention.kvHeads == 0)
            let after = try CostModel.estimate(pruned, options: options)
            #expect(after.parameters.total <= before.parameters.total)
            #expect(after.weights.bytes <= before.weights.bytes)
            #expect(after.kvCache.bytes <= before.kvCache.bytes)
            #expect(after.flops.prefill.total <= before.flops.prefill.total)
            #expect(after.flops.decode.total <= before.flops.decode.total)
        }
    }

    @Test(arguments: PropertyTests.seeds)
    func writtenSpecsLoadBackWithIdenticalEstimates(seed: UInt64) throws {
        var rng = SplitMix(state: seed)
        for _ in 0..<10 {
            let spec = SpecGenerator.spec(&rng)
            let text = SpecWriter().write(spec)
            let reloaded = try #require(load(text).spec, "\(load(text).diagnostics.map(\.oneLine))")
            #expect(reloaded == spec)
            #expect(try CostModel.estimate(reloaded) == CostModel.estimate(spec))
        }
    }
}

/// `convert` then `estimate` gives the numbers of estimating the Hugging Face config itself.
struct ConvertPropertyTests {
    static func randomConfig(_ rng: inout SplitMix) -> String {
        let kvHeads = [1, 2, 4, 8].randomElement(using: &rng)!
        let heads = kvHeads * Int.random(in: 1...8, using: &rng)
        let headDim = [64, 80, 128].randomElement(using: &rng)!
        let types = ["llama", "mistral", "qwen2", "qwen3", "gemma", "gemma2", "olmo2", "phi3", "starcoder2"]
        let type = types.randomElement(using: &rng)!
        let window = Bool.random(using: &rng) ? "\"sliding_window\": \(Int.random(in: 128...8192, using: &rng))," : ""
        return """
            {"model_type": "\(type)", "vocab_size": \(Int.random(in: 1000...200_000, using: &rng)),
             "hidden_size": \(heads * headDim), "num_hidden_layers": \(Int.random(in: 1...64, using: &rng)),
             "num_attention_heads": \(heads), "num_key_value_heads": \(kvHeads), "head_dim": \(headDim), \(window)
             "intermediate_size": \(Int.random(in: 64...30_000, using: &rng)),
             "max_position_embeddings": \(Int.random(in: 512...131_072, using: &rng)),
             "tie_word_embeddings": \(Bool.random(using: &rng)), "torch_dtype": "bfloat16"}
            """
    }

    @Test(arguments: PropertyTests.seeds)
    func convertedConfigsEstimateIdentically(seed: UInt64) throws {
        var rng = SplitMix(state: seed)
        let config = Self.randomConfig(&rng)
        let path = NSTemporaryDirectory() + "archcalc-prop-\(seed)-\(UUID().uuidString).json"
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let direct = SpecLoader.load(path: path)
        let spec = try #require(direct.spec, "\(config)\n\(direct.diagnostics.map(\.oneLine))")
        let yaml = try #require(SpecConversion.convert(path: path).yaml)
        let converted = try #require(load(yaml).spec, "\(yaml)")
        for options in [CostOptions(), CostOptions(context: 777, batch: 3, attentionFlops: .full, logits: .all)] {
            #expect(try CostModel.estimate(converted, options: options) == CostModel.estimate(spec, options: options))
        }
    }
}
