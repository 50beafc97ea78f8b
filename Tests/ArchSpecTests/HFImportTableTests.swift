import ArchSpec
import Foundation
import Testing

/// The model-type table: unknown types, aliases and the keys every config may carry.
struct HFImportTableTests {
    static func config(_ type: String, _ extra: String = "") -> String {
        "{\n  \"model_type\": \"\(type)\",\n  \"hidden_size\": 64,\n  \"num_attention_heads\": 4,\n  \"intermediate_size\": 128,\n  \"num_hidden_layers\": 2,\n  \"vocab_size\": 100,\n  \"max_position_embeddings\": 32\(extra)\n}\n"
    }

    @Test(arguments: [("deepseek_v3_5", "deepseek_v3"), ("qwen3_mo", "qwen3_moe"), ("kimi_k25", "kimi_k2")])
    func unknownModelTypeSuggestsTheNearest(_ type: String, _ near: String) throws {
        let loaded = ArchFixtures.yaml(Self.config(type), file: "config.json")
        let error = try #require(loaded.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains("did you mean \(near)?"))
        #expect(error.message.contains("archcalc reads llama"))
        #expect(error.location == SourceLocation(line: 2, column: 3))
    }

    @Test func unrelatedModelTypeSuggestsNothing() throws {
        let loaded = ArchFixtures.yaml(Self.config("bert"), file: "config.json")
        let error = try #require(loaded.diagnostics.first { $0.severity == .error })
        #expect(!error.message.contains("did you mean"))
    }

    @Test func kimiK2IsSupportedDirectly() {
        #expect(HFImport.supportedModelTypes.contains("kimi_k2"))
        #expect(HFImport.supportedModelTypes.count == Set(HFImport.supportedModelTypes).count)
    }

    @Test func pretrainedConfigKeysAreNotWarnedAbout() throws {
        let extra = ",\n  \"is_encoder_decoder\": false,\n  \"output_attentions\": false,\n  \"return_dict\": true,\n  \"chunk_size_feed_forward\": 0,\n  \"problem_type\": null,\n  \"tf_legacy_loss\": false,\n  \"pruned_heads\": {},\n  \"add_cross_attention\": false,\n  \"cross_attention_hidden_size\": null"
        let loaded = ArchFixtures.yaml(Self.config("llama", extra), file: "config.json")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.oneLine))")
    }

    @Test func qwen3CoderCountsItsExpertsInBothForms() throws {
        // num_experts (published) and num_local_experts (transformers 5) are one value; never the 128 default.
        for key in ["num_experts", "num_local_experts"] {
            let text = Self.config("qwen3_moe", ",\n  \"\(key)\": 4,\n  \"moe_intermediate_size\": 16,\n  \"num_experts_per_tok\": 2")
            let spec = try ArchFixtures.spec(text)
            #expect(spec.moe?.experts == 4)
        }
    }
}

/// docs/spec-format.md lists the table's model types exactly (regenerate with ARCHCALC_RECORD=1).
struct HFImportDocsTests {
    @Test func specFormatDocListsEveryModelType() throws {
        let path = "\(ArchFixtures.root)/docs/spec-format.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let begin = "<!-- model-types:begin -->\n", end = "<!-- model-types:end -->"
        let start = try #require(text.range(of: begin))
        let stop = try #require(text.range(of: end, range: start.upperBound..<text.endIndex))
        let current = String(text[start.upperBound..<stop.lowerBound])
        let expected = HFImport.documentationTable + "\n"
        if ProcessInfo.processInfo.environment["ARCHCALC_RECORD"] != nil, current != expected {
            try (String(text[..<start.upperBound]) + expected + String(text[stop.lowerBound...]))
                .write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == expected)
    }
}
