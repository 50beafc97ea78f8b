import ArchSpec
import Testing

/// Parameter totals of real configs against what transformers counts (unique tensors, tied weights once).
struct HFImportTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var fixture: String
        var total: Int128
        var active: Int128?
        var testDescription: String { fixture }
    }

    static let published: [Expected] = [
        // Figures from the issue (transformers' own counts).
        Expected(fixture: "Mixtral-8x7B-v0.1", total: 46_702_792_704, active: 12_879_925_248),
        Expected(fixture: "DeepSeek-V3", total: 671_026_404_352, active: 37_552_282_624),  // active: MoETests
        Expected(fixture: "Qwen2.5-7B", total: 7_615_616_512),
        Expected(fixture: "Falcon-7B", total: 6_921_720_704),
        Expected(fixture: "Gemma-2-9B", total: 9_241_705_984),
        Expected(fixture: "OLMo-2-1124-7B", total: 7_298_617_344),
        Expected(fixture: "Llama-3-8B", total: 8_030_261_248),
        Expected(fixture: "Llama-2-7b", total: 6_738_415_616),
        Expected(fixture: "Mistral-7B-v0.1", total: 7_241_732_096),
        Expected(fixture: "gpt2", total: 124_439_808),
        // Worked by the fixture README's independent script (same module shapes).
        Expected(fixture: "opt-125m", total: 125_239_296),
        Expected(fixture: "Qwen3-8B", total: 8_190_735_360),
        Expected(fixture: "gemma-3-1b", total: 999_885_952),
    ]

    @Test(arguments: published)
    func parameterTotalsMatchTransformers(_ expected: Expected) throws {
        let spec = try ArchFixtures.load(ArchFixtures.hf(expected.fixture))
        let estimate = try ArchFixtures.estimate(spec, context: 1)
        #expect(estimate.parameters.total == expected.total)
        #expect(estimate.parameters.active == (expected.active ?? expected.total))
    }

    @Test(arguments: [("DeepSeek-V3", 70_272), ("Falcon-7B", 8_192), ("Mixtral-8x7B-v0.1", 131_072)] as [(String, Int128)])
    func kvBytesPerTokenAtBF16(_ fixture: String, _ bytes: Int128) throws {
        let spec = try ArchFixtures.load(ArchFixtures.hf(fixture))
        var options = CostOptions()
        options.kvDType = .bf16
        #expect(try ArchFixtures.estimate(spec, context: 1, options).kvCache.bytesPerToken == bytes)
    }

    @Test func detectsByContentAndRecordsWhereValuesCameFrom() throws {
        let loaded = SpecLoader.load(path: ArchFixtures.hf("Qwen2.5-7B"))
        #expect(loaded.format == .huggingFace)
        #expect(loaded.provenance["layers"] == "num_hidden_layers")
        #expect(loaded.provenance["model_type"] == "qwen2")
        // Qwen2: q, k, v carry a bias, o does not.
        let spec = try #require(loaded.spec)
        #expect(spec.attention.qkvBias && !spec.attention.outBias)
        #expect(loaded.sourceMap.location(of: "layers") != nil)
    }

    @Test func unsupportedModelTypeIsALocatedError() {
        let loaded = ArchFixtures.yaml("{\n  \"model_type\": \"bert\",\n  \"hidden_size\": 768\n}\n", file: "config.json")
        #expect(loaded.spec == nil)
        let error = loaded.diagnostics.first { $0.severity == .error }
        #expect(error?.code == "unsupported")
        #expect(error?.location == SourceLocation(line: 2, column: 3))
        #expect(error?.message.contains("model_type 'bert' is not supported") == true)
    }

    @Test func unknownKeyIsALocatedWarningNotASilentDefault() throws {
        let text = "{\n  \"model_type\": \"llama\",\n  \"hidden_size\": 64,\n  \"num_attention_heads\": 4,\n  \"intermediate_size\": 128,\n  \"num_hidden_layers\": 2,\n  \"vocab_size\": 100,\n  \"max_position_embeddings\": 32,\n  \"mystery_ratio\": 3\n}\n"
        let loaded = ArchFixtures.yaml(text, file: "config.json")
        let warning = try #require(loaded.diagnostics.first { $0.severity == .warning })
        #expect(warning.code == "unknown-key")
        #expect(warning.location == SourceLocation(line: 9, column: 3))
        #expect(loaded.spec != nil)
        // Absent keys take LlamaConfig's defaults, and say so.
        #expect(loaded.spec?.tieEmbeddings == false)
        #expect(loaded.provenance["tie_embeddings"] == "tie_word_embeddings absent: LlamaConfig default")
    }

    @Test func wrongTypeInConfigIsAnError() {
        let text = "{\"model_type\": \"mistral\", \"hidden_size\": \"big\", \"num_attention_heads\": 4}"
        let loaded = ArchFixtures.yaml(text, file: "config.json")
        #expect(loaded.spec == nil)
        #expect(loaded.diagnostics.contains { $0.message == "hidden_size must be an integer, got 'big'" })
    }

    /// `convert` output loads back to the identical spec and numbers, for every fixture.
    @Test(arguments: published.map(\.fixture) + ["Phi-3-mini-4k-instruct", "gpt-j-6b", "Qwen3-30B-A3B", "OLMo-2-1124-13B"])
    func convertRoundTripsToIdenticalNumbers(_ fixture: String) throws {
        let path = ArchFixtures.hf(fixture)
        let conversion = SpecConversion.convert(path: path)
        let yaml = try #require(conversion.yaml)
        let original = try ArchFixtures.load(path)
        let reloaded = ArchFixtures.yaml(yaml, file: "converted.yaml")
        #expect(!reloaded.hasErrors, "\(reloaded.diagnostics.map(\.oneLine))")
        let converted = try #require(reloaded.spec)
        #expect(converted == original)
        let options = CostOptions(context: 32768, attentionFlops: .full, logits: .all)
        #expect(try CostModel.estimate(converted, options: options) == CostModel.estimate(original, options: options))
    }
}
