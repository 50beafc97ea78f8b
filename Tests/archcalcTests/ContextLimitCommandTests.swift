import Foundation
import Testing

/// One context for every spec in `compare`, and a warning wherever a context passes the model's limit.
@Suite struct ContextLimitCommandTests {
    static let llama2 = CLI.path("specs/llama-2-7b.yaml"), llama3 = CLI.path("specs/llama-3-8b.yaml")

    static func object(_ result: CLIResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// Without --context both run at 4,096 (Llama 2's limit, the smaller). KV per token 2 x 32 layers x kv_heads x
    /// 128 x 2 bytes: 524,288 (32 kv heads) and 131,072 (8), x 4,096 = 2 GiB and 512 MiB: -75%. Prefill of Llama
    /// 3 8B by hand: per layer q, o 4096^2, k, v 4096 x 1024, MLP 3 x 4096 x 14336 = 218,103,808 weights, x 32
    /// layers x 2 x 4,096 tokens = 57,174,604,644,352; causal attention 4 x 4096 x (4096 x 4097 / 2) x 32 =
    /// 4,399,120,252,928; lm_head at the last position 2 x 4096 x 128,256 = 1,050,673,152: 61,574,775,570,432,
    /// +7.2% on Llama 2's 57,450,818,437,120 (its own context_length of 8,192 made it +129.7%).
    @Test func compareRunsEverySpecAtTheSmallestContextLength() throws {
        let json = try CLI.run(["compare", Self.llama2, Self.llama3, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try Self.object(json)
        #expect(object["context"] as? Int == 4096 && object["context_basis"] as? String == "smallest_context_length")
        #expect((object["warnings"] as? [Any])?.isEmpty == true)
        let metrics = try ArchCLI.metrics(json.stdout)
        #expect(metrics["kv_bytes"]?.values == [2_147_483_648, 536_870_912])
        #expect(metrics["prefill_flops"]?.values == [57_450_818_437_120, 61_574_775_570_432])

        let text = try CLI.run(["compare", Self.llama2, Self.llama3])
        #expect(text.stdout.contains("context 4,096 tokens (the smallest context_length of the specs"))
        #expect(text.stdout.contains("512 MiB (-75.0%)") && text.stdout.contains("(+7.2%)"))
        let markdown = try CLI.run(["compare", Self.llama2, Self.llama3, "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("All at context 4,096 tokens (the smallest context_length"))
    }

    @Test func compareWarnsForASpecPastItsLimitInEveryFormat() throws {
        let json = try CLI.run(["compare", Self.llama2, Self.llama3, "--context", "8k", "--format", "json"])
        let object = try Self.object(json)
        #expect(object["context"] as? Int == 8192 && object["context_basis"] as? String == "requested")
        #expect(object["warnings"] as? [String] == [
            "llama-2-7b: context 8,192 exceeds the model's context_length 4,096 (AC501): positions past it are untrained"])
        let text = try CLI.run(["compare", Self.llama2, Self.llama3, "--context", "8k"])
        #expect(text.stdout.contains("context 8,192 tokens (--context)"))
        #expect(text.stdout.contains("warning: llama-2-7b: context 8,192 exceeds the model's context_length 4,096"))
        let markdown = try CLI.run(["compare", Self.llama2, Self.llama3, "--context", "8k", "--format", "markdown"])
        #expect(markdown.stdout.contains("- **warning:** llama-2-7b: context 8,192 exceeds"))
    }

    @Test func estimateWarnsPastTheLimitInEveryFormat() throws {
        let warning = "context 1,048,576 exceeds the model's context_length 8,192 (AC501)"
        let text = try CLI.run(["estimate", Self.llama3, "--context", "1M"])
        #expect(text.status == 0 && text.stdout.contains("warning: " + warning))
        let json = try CLI.run(["estimate", Self.llama3, "--context", "1M", "--format", "json"])
        let first = try #require(JSONDocument.estimates(json.stdout)?.first)
        #expect((first["warnings"] as? [String])?.first?.hasPrefix(warning) == true)
        let csv = try CLI.run(["estimate", Self.llama3, "--context", "1M", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("model,") && csv.stdout.contains(",layers,warnings\r\n"))
        #expect(csv.stdout.contains(",\"" + warning))
        let markdown = try CLI.run(["estimate", Self.llama3, "--context", "1M", "--format", "markdown"])
        #expect(markdown.stdout.contains("| " + warning))
        let within = try CLI.run(["estimate", Self.llama3, "--context", "8k"])
        #expect(!within.stdout.contains("warning"))
    }

    /// `size --context 32k` on an 8k model: a warning, and the max context is the requested one, not "(model limit)".
    @Test func sizeSaysWhatBoundsTheMaxContext() throws {
        let over = try CLI.run(["size", Self.llama3, "--hardware", "h100-sxm", "--context", "32k"])
        #expect(over.status == 0)
        #expect(over.stdout.contains("warning: context 32,768 exceeds the model's context_length 8,192"))
        #expect(over.stdout.contains("max context at batch 1: 32768 (the requested context, searched no further; "
                                     + "the model's limit is 8192)"))
        #expect(!over.stdout.contains("(model limit)"))
        let json = try Self.object(try CLI.run(["size", Self.llama3, "--hardware", "h100-sxm", "--context", "32k",
                                                "--format", "json"]))
        #expect(json["max_context_bound"] as? String == "requested_context")
        #expect(json["max_context_is_model_limit"] as? Bool == false && json["context_length"] as? Int == 8192)
        #expect((json["warnings"] as? [String])?.count == 1)
        let markdown = try CLI.run(["size", Self.llama3, "--hardware", "h100-sxm", "--context", "32k", "--format", "markdown"])
        #expect(markdown.stdout.contains("**warning:** context 32,768 exceeds"))

        let within = try CLI.run(["size", Self.llama3, "--hardware", "h100-sxm"])
        #expect(within.stdout.contains("max context at batch 1: 8192 (model limit)") && !within.stdout.contains("warning"))
        // Memory, not the limit: on one 24 GiB L4 with 15 GiB of weights, batch 16 runs out before 8,192 tokens:
        // 25,769,803,776 less 1,428,076,626 of runtime parts, 16,060,522,496 of weights and 712,851,456 of
        // activations leaves 7,568,353,198 bytes, 3,608 tokens at 16 x 131,072 bytes each.
        let memory = try CLI.run(["size", Self.llama3, "--hardware", "l4", "--gpus", "1", "--batch", "16"])
        #expect(memory.stdout.contains("max context at batch 16: 3608\n"))
    }

    @Test func sweepPointsPastTheLimitAreWarned() throws {
        let text = try CLI.run(["size", Self.llama3, "--hardware", "h100-sxm", "--sweep", "context=4k..16k"])
        #expect(text.status == 0)
        #expect(text.stdout.hasSuffix("warning: context 16384 exceeds the model's context_length 8192 (AC501): "
                                      + "positions past it are untrained\n"))
        let json = try CLI.run(["size", Self.llama3, "--hardware", "h100-sxm", "--sweep", "context=4k..16k", "--format", "json"])
        let points = try #require(JSONDocument.object(json.stdout)?["results"] as? [[String: Any]])
        #expect(points.map { ($0["warnings"] as? [String])?.count } == [0, 0, 1])
    }

    /// validate runs positions up to context + decode steps: 64 + 2 on a 64-token model.
    @Test func validateWarnsWhenTheRunPassesTheLimit() throws {
        let profile = try CalibrationCommandTests.smokeProfile()
        let spec = try CLI.temporaryFile(CalibrationCommandTests.tinySpec)
        let json = try CLI.run(["validate", spec, "--profile", profile, "--context", "64", "--decode-steps", "2",
                                "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(try Self.object(json)["warnings"] as? [String] == [
            "context 66 exceeds the model's context_length 64 (AC501): positions past it are untrained"])
        let text = try CLI.run(["validate", spec, "--profile", profile, "--context", "64", "--decode-steps", "2"])
        #expect(text.stdout.contains("\nwarning: context 66 exceeds the model's context_length 64 (AC501): positions past "
                                     + "it are untrained (prompt plus decode steps)\n"))
        let within = try CLI.run(["validate", spec, "--profile", profile, "--context", "8", "--decode-steps", "1"])
        #expect(within.status == 0 && !within.stdout.contains("warning: context"))
    }
}
