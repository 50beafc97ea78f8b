import Foundation
import Testing

/// `archcalc estimate --prune-heads`: the pruned model against the unpruned one, numbers worked by hand.
struct PruneCommandTests {
    static func gqa() throws -> String {
        try ArchCLI.temporary(CompareCommandTests.variant(kvHeads: 2), name: "gqa.yaml")
    }

    @Test func halfTheHeadsOfAGQAModel() throws {
        let outcome = try ArchCLI.run(["estimate", try Self.gqa(), "--prune-heads", "50%", "--context", "1000",
                                       "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // Its own document (docs/json.md): what pruning did, both estimates, and the differences.
        let object = try #require(try ArchCLI.json(outcome.stdout) as? [String: Any])
        #expect(object["version"] as? Int == 1 && object["metrics"] == nil)
        let item = try #require((object["pruned"] as? [[String: Any]])?.first)
        let before = try #require(item["before"] as? [String: Any]), after = try #require(item["after"] as? [String: Any])
        func value(_ estimate: [String: Any], _ group: String, _ key: String) -> Int? {
            (estimate[group] as? [String: Any])?[key] as? Int
        }
        // 8 heads -> 4 (2 from each of the 2 KV groups). Attention per layer 512 x (2 x 4 x 64 + 2 x 2 x 64) = 393,216.
        #expect(value(before, "parameters", "total") == 9_941_504)
        #expect(value(after, "parameters", "total") == 4 * (393_216 + 1_572_864) + 4608 + 1_024_000)
        // KV unchanged: kv_heads stays 2.
        #expect(value(before, "kv_cache", "bytes_per_token") == 2048 && value(after, "kv_cache", "bytes_per_token") == 2048)
        // Decode: 2 x (4 x 1,966,080 + 512,000) + 4 x 4 heads x 64 x 1001 x 4 = 20,852,736.
        #expect(value(before, "flops", "total") == nil)
        #expect(((before["flops"] as? [String: Any])?["decode"] as? [String: Any])?["total"] as? Int == 27_049_984)
        #expect(((after["flops"] as? [String: Any])?["decode"] as? [String: Any])?["total"] as? Int == 20_852_736)
        #expect((item["differences"] as? [String: Any])?["decode_flops"] as? Int == 20_852_736 - 27_049_984)
        #expect(item["heads"] as? [String: Int] == ["requested": 4, "removed": 4, "before": 8, "after": 4])
        #expect(item["kv_heads"] as? [String: Int] == ["before": 2, "after": 2])
        #expect(before["model"] as? String == item["model"] as? String && item["source"] as? String != nil)
    }

    @Test func countIsRoundedToKeepGroupsEven() throws {
        let outcome = try ArchCLI.run(["estimate", try Self.gqa(), "--prune-heads", "3", "--context", "1000"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("pruned 2 of 8 attention heads per layer (25.0%): heads 8 -> 6, kv_heads 2 -> 2; 3 requested, rounded down to a multiple of kv_heads 2"))
    }

    @Test func impossibleRequestAndBadValueAreExitCode2() throws {
        let path = try Self.gqa()
        let tooFew = try ArchCLI.run(["estimate", path, "--prune-heads", "1"])
        #expect(tooFew.status == 2)
        #expect(tooFew.stderr.contains("needs a multiple of kv_heads 2"))
        let bad = try ArchCLI.run(["estimate", path, "--prune-heads", "150%"])
        #expect(bad.status == 2)
    }
}
