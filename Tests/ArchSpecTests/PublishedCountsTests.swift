import ArchSpec
import Testing

/// Parameter totals against the counts transformers reports for the real checkpoints.
struct PublishedCountsTests {
    static let published: [(String, Int128)] = [
        ("gpt2", 124_439_808),
        ("llama-2-7b", 6_738_415_616),
        ("llama-3-8b", 8_030_261_248),
        ("mistral-7b-v0.1", 7_241_732_096),
        ("gemma-7b", 8_537_680_896),
        ("qwen2.5-7b", 7_615_616_512),
        ("gemma-2-9b", 9_241_705_984),
        ("deepseek-v3", 671_026_404_352),
        ("mixtral-8x7b", 46_702_792_704),
    ]

    @Test(arguments: published)
    func totalMatchesPublishedCount(name: String, expected: Int128) throws {
        let result = SpecLoader.load(path: Repository.path("specs/\(name).yaml"))
        let spec = try #require(result.spec, "\(result.diagnostics.map(\.oneLine))")
        let estimate = try CostModel.estimate(spec)
        #expect(estimate.parameters.total == expected)
        if spec.moe == nil { #expect(estimate.parameters.active == expected) }
    }

    @Test func componentsSumToTotal() throws {
        let spec = try #require(load(llama3YAML).spec)
        let p = try CostModel.estimate(spec).parameters
        #expect(p.embedding + p.position + p.attention + p.ssm + p.mlp + p.norm + p.lmHead == p.total)
        #expect(p.embedding == 525_336_576)
        #expect(p.lmHead == 525_336_576)
        #expect(p.attention == 32 * (4096 * 4096 * 2 + 4096 * 1024 * 2))
        #expect(p.mlp == 32 * 3 * 4096 * 14336)
        #expect(p.norm == (2 * 32 + 1) * 4096)
    }

    @Test func gpt2ComponentsWorkedByHand() throws {
        let spec = try #require(SpecLoader.load(path: Repository.path("specs/gpt2.yaml")).spec)
        let p = try CostModel.estimate(spec).parameters
        #expect(p.embedding == 50257 * 768)
        #expect(p.position == 1024 * 768)
        #expect(p.lmHead == 0)
        // c_attn 768x2304 + 2304, c_proj 768x768 + 768, per layer.
        #expect(p.attention == 12 * (768 * 2304 + 2304 + 768 * 768 + 768))
        // c_fc 768x3072 + 3072, c_proj 3072x768 + 768.
        #expect(p.mlp == 12 * (768 * 3072 + 3072 + 3072 * 768 + 768))
        // ln_1, ln_2 per layer and ln_f, weight and bias each.
        #expect(p.norm == 25 * 2 * 768)
    }
}
