import ArchSpec
import Testing

/// Head pruning keeps KV groups even: counts are rounded down to a multiple of kv_heads.
struct PruneTests {
    static let gqa = """
        archspec: 1
        vocab_size: 1000
        hidden_size: 512
        layers: 4
        context_length: 4096
        attention: {heads: 8, kv_heads: 2, head_dim: 64}
        mlp: {intermediate_size: 1024}
        """

    @Test func halfTheHeadsOfAGQAModel() throws {
        let spec = try ArchFixtures.spec(Self.gqa)
        let (pruned, summary) = try HeadPruning.prune(spec, try #require(HeadPruning.Request(argument: "50%")))
        #expect(summary.removed == 4 && pruned.attention.heads == 4 && pruned.attention.kvHeads == 2)
        let e = try ArchFixtures.estimate(pruned, context: 1000)
        // Attention per layer 512 x (2 x 4 x 64 + 2 x 2 x 64) = 393,216; MLP 3 x 512 x 1024 = 1,572,864;
        // norms 9 x 512; embedding and lm_head 512,000 each.
        #expect(e.parameters.total == 4 * (393_216 + 1_572_864) + 4608 + 1_024_000)
        #expect(e.kvCache.bytesPerToken == 2048)
        #expect(e.flops.decode.total == 2 * (4 * (393_216 + 1_572_864) + 512_000) + 4 * 4 * 64 * 1001 * 4)
    }

    @Test func countRoundsDownToAMultipleOfKVHeads() throws {
        let spec = try ArchFixtures.spec(Self.gqa)
        let (pruned, summary) = try HeadPruning.prune(spec, .count(3))
        #expect(summary.requested == 3 && summary.removed == 2 && pruned.attention.heads == 6)
        #expect(summary.description.contains("3 requested, rounded down to a multiple of kv_heads 2"))
        #expect(throws: HeadPruning.Failure.self) { try HeadPruning.prune(spec, .count(1)) }
        #expect(throws: HeadPruning.Failure.self) { try HeadPruning.prune(spec, .count(8)) }
    }

    @Test func mhaHeadsTakeTheirKVHeads() throws {
        let spec = try ArchFixtures.spec(Self.gqa.replacingOccurrences("kv_heads: 2", "kv_heads: 8"))
        let (pruned, _) = try HeadPruning.prune(spec, .percent(25))
        #expect(pruned.attention.heads == 6 && pruned.attention.kvHeads == 6)
        #expect(try ArchFixtures.estimate(pruned, context: 1).kvCache.bytesPerToken == 4 * 2 * 6 * 64 * 2)
    }

    @Test func requestParsing() {
        #expect(HeadPruning.Request(argument: "30%") == .percent(30))
        #expect(HeadPruning.Request(argument: "8") == .count(8))
        #expect(HeadPruning.Request(argument: "0") == nil)
        #expect(HeadPruning.Request(argument: "100%") == nil)
        #expect(HeadPruning.Request(argument: "x") == nil)
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
