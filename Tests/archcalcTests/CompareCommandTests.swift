import Foundation
import Testing

/// `archcalc compare`: MHA, GQA and MQA versions of one model, numbers worked by hand.
struct CompareCommandTests {
    static func variant(kvHeads: Int) -> String {
        """
        archspec: 1
        name: kv\(kvHeads)
        vocab_size: 1000
        hidden_size: 512
        layers: 4
        context_length: 4096
        attention: {heads: 8, kv_heads: \(kvHeads), head_dim: 64}
        mlp: {intermediate_size: 1024}
        """
    }

    static func files() throws -> [String] {
        try [8, 2, 1].map { try ArchCLI.temporary(variant(kvHeads: $0), name: "kv\($0).yaml") }
    }

    @Test func jsonHasExactValuesAndDifferences() throws {
        let outcome = try ArchCLI.run(["compare"] + Self.files() + ["--context", "1000", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let metrics = try ArchCLI.metrics(outcome.stdout)
        func row(_ name: String) -> [Int]? { metrics[name]?.values }
        func delta(_ name: String) -> [Int]? { metrics[name]?.differences }
        // Per layer: attention 512 x (2 x 8 x 64 + 2 x kv x 64) = 1,048,576 / 655,360 / 589,824;
        // MLP 3 x 512 x 1024 = 1,572,864; 9 norms x 512 = 4,608; embedding + lm_head 2 x 512,000.
        #expect(row("parameters") == [11_514_368, 9_941_504, 9_679_360])
        #expect(delta("parameters") == [0, -1_572_864, -1_835_008])
        // KV per token: 2 (K, V) x 4 layers x kv x 64 x 2 bytes.
        #expect(row("kv_bytes_per_token") == [8192, 2048, 1024])
        #expect(row("kv_bytes") == [8_192_000, 2_048_000, 1_024_000])
        // Decode at 1000 cached: 2 x (4 x (attention + MLP) + 512,000) + 4 x 8 x 64 x 1001 x 4.
        #expect(row("decode_flops") == [30_195_712, 27_049_984, 26_525_696])
        #expect(row("weights_bytes") == [23_028_736, 19_883_008, 19_358_720])
    }

    @Test func textShowsPercentagesAgainstTheBaseline() throws {
        let outcome = try ArchCLI.run(["compare"] + Self.files() + ["--context", "1000"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("kv8 (baseline)"))
        #expect(outcome.stdout.contains("(-75.0%)"))  // KV per token 2048 vs 8192
        #expect(outcome.stdout.contains("(-87.5%)"))  // 1024 vs 8192
    }

    @Test func needsTwoSpecs() throws {
        let outcome = try ArchCLI.run(["compare", try Self.files()[0]])
        #expect(outcome.status == 2)
    }
}
