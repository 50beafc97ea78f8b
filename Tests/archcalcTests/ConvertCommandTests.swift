import Foundation
import Testing

/// `archcalc convert` writes commented archspec YAML that estimates to the same numbers as the config.
struct ConvertCommandTests {
    @Test(arguments: ["Mixtral-8x7B-v0.1", "DeepSeek-V3", "Gemma-2-9B", "Falcon-7B", "Qwen2.5-7B", "OLMo-2-1124-7B"])
    func convertedYAMLEstimatesIdentically(_ fixture: String) throws {
        let config = ArchCLI.hf(fixture)
        let converted = try ArchCLI.run(["convert", config])
        #expect(converted.status == 0, "\(converted.stderr)")
        #expect(converted.stdout.contains("archspec: 1"))
        let yaml = try ArchCLI.temporary(converted.stdout, name: "\(fixture).yaml")
        let flags = ["--format", "csv", "--context", "32768", "--attention-flops", "full", "--logits", "all"]
        let fromConfig = try ArchCLI.run(["estimate", config] + flags)
        let fromYAML = try ArchCLI.run(["estimate", yaml] + flags)
        #expect(fromConfig.status == 0 && fromYAML.status == 0)
        #expect(!fromConfig.stdout.isEmpty)
        #expect(fromConfig.stdout == fromYAML.stdout)
    }

    @Test func commentsNameTheConfigKeysAndDefaults() throws {
        let converted = try ArchCLI.run(["convert", ArchCLI.hf("Mixtral-8x7B-v0.1")])
        #expect(converted.stdout.contains("layers: 32"))
        #expect(converted.stdout.contains("# num_hidden_layers"))
        #expect(converted.stdout.contains("experts: 8"))
        #expect(converted.stdout.contains("# num_local_experts"))
    }

    @Test func unsupportedModelTypeFailsWithExitCode2() throws {
        let path = try ArchCLI.temporary("{\n  \"model_type\": \"t5\"\n}\n", name: "config.json")
        let outcome = try ArchCLI.run(["convert", path])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("config.json:2:3: error: model_type 't5' is not supported"))
    }

    @Test func estimateReadsAConfigFromStandardInput() throws {
        let text = try String(contentsOfFile: ArchCLI.hf("Falcon-7B"), encoding: .utf8)
        let outcome = try ArchCLI.run(["estimate", "-", "--format", "csv"], stdin: text)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains(",6921720704,6921720704,"))
    }
}
