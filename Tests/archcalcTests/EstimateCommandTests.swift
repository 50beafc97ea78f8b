import Foundation
import Testing

/// End-to-end: the built binary's stdout, stderr and exit codes.
struct EstimateCommandTests {
    @Test func textOutputShowsHumanUnits() throws {
        let result = try CLI.run(["estimate", "specs/llama-3-8b.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("8.03 B"))
        #expect(result.stdout.contains("15.0 GiB"))
        #expect(result.stdout.contains("128 KiB"))
        #expect(result.stderr.isEmpty)
    }

    @Test func exactFlagAddsIntegers() throws {
        let result = try CLI.run(["estimate", "specs/llama-3-8b.yaml", "--exact", "--context", "2048"])
        #expect(result.stdout.contains("8,030,261,248"))
        #expect(result.stdout.contains("16,083,582,976"))
    }

    @Test func jsonIsAVersionedDocumentInArgumentOrderWithExactIntegers() throws {
        let result = try CLI.run([
            "estimate", "specs/gpt2.yaml", "specs/llama-3-8b.yaml", "--context", "2048", "--format", "json",
            "--attention-flops", "full", "--logits", "all",
        ])
        #expect(result.status == 0)
        let array = try #require(JSONDocument.estimates(result.stdout))
        #expect(array.map { $0["model"] as? String } == ["gpt2", "llama-3-8b"])
        let llama = array[1]
        #expect(llama["source"] as? String == "specs/llama-3-8b.yaml")
        #expect(llama["context"] as? Int == 2048)
        let parameters = try #require(llama["parameters"] as? [String: Any])
        #expect((parameters["total"] as? NSNumber)?.int64Value == 8_030_261_248)
        let kv = try #require(llama["kv_cache"] as? [String: Any])
        #expect((kv["bytes_per_token"] as? NSNumber)?.int64Value == 131_072)
        // Integers are written as integers, never as floats.
        #expect(result.stdout.contains("\"total\": 32938104193024"))
        #expect(!result.stdout.contains("e+"))
    }

    @Test func csvAndMarkdown() throws {
        let csv = try CLI.run(["estimate", "specs/llama-3-8b.yaml", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("model,params,"))
        #expect(csv.stdout.contains("llama-3-8b,8030261248,8030261248,16060522496,131072,"))
        let markdown = try CLI.run(["estimate", "specs/llama-3-8b.yaml", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("| model | params |"))
        #expect(markdown.stdout.contains("| llama-3-8b | 8.03 B |"))
    }

    @Test func standardInput() throws {
        let spec = try String(contentsOfFile: CLI.path("specs/gpt2.yaml"), encoding: .utf8)
        let result = try CLI.run(["estimate", "-", "--format", "csv"], input: spec)
        #expect(result.status == 0)
        #expect(result.stdout.contains("gpt2,124439808,"))
    }

    @Test func everySpecEstimates() throws {
        let specs = try FileManager.default.contentsOfDirectory(atPath: CLI.path("specs"))
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(specs.count >= 10)
        let result = try CLI.run(["estimate", "--format", "json"] + specs.map { "specs/\($0)" })
        #expect(result.status == 0, "\(result.stderr)")
        let array = try #require(JSONDocument.estimates(result.stdout))
        #expect(array.count == specs.count)
    }

    @Test func outputFileIsWritten() throws {
        let path = try CLI.temporaryFile("", name: "out.json")
        let result = try CLI.run(["estimate", "specs/gpt2.yaml", "--format", "json", "--output", path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\"total\": 124439808"))
    }
}

extension EstimateCommandTests {
    @Test func contextAcceptsKiloSuffixes() throws {
        let suffixed = try CLI.run(["estimate", "specs/llama-3-8b.yaml", "--context", "2k", "--format", "csv"])
        let plain = try CLI.run(["estimate", "specs/llama-3-8b.yaml", "--context", "2048", "--format", "csv"])
        #expect(suffixed.status == 0)
        #expect(suffixed.stdout == plain.stdout)
        #expect(suffixed.stdout.contains(",16083582976,2048,1"))
    }
}
