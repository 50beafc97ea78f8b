import Foundation
import Testing

/// One reporter shape and one JSON style, end to end: formats come from ArchSpec's enums (refused at parse time
/// when a command has no renderer for them), every JSON document carries a version, snake_case keys and
/// `model` for the model, and hardware JSON comes from the one exact writer.
struct ReportFormatCommandTests {
    @Test func formatsWithoutARendererAreUsageErrorsAndTheOthersRender() throws {
        let csv = try CLI.run(["compare", "specs/llama-2-7b.yaml", "specs/llama-3-8b.yaml", "--format", "csv"])
        #expect(csv.status == 2 && csv.stdout.isEmpty)
        #expect(csv.stderr.contains("'text', 'json' or 'markdown'"))
        let sarif = try CLI.run(["hardware", "list", "--format", "sarif"])
        #expect(sarif.status == 2 && sarif.stdout.isEmpty)
        let calibrate = try CLI.run(["calibrate", "--format", "xml"])
        #expect(calibrate.status == 2 && calibrate.stdout.isEmpty)
        #expect(try CLI.run(["calibrate", "--help"]).stdout.contains("Output format of the profile: yaml or json"))
        #expect(try CLI.run(["validate", "--help"]).stdout.contains("Output format: text or json."))
        // hardware list --format yaml printed the text table; now it is YAML, one profile file per device.
        let yaml = try CLI.run(["hardware", "list", "--format", "yaml"])
        #expect(yaml.status == 0 && yaml.stdout.hasPrefix("id: ") && yaml.stdout.contains("\n---\nid: "))
        let help = try CLI.run(["hardware", "show", "--help"])
        #expect(help.stdout.contains("Output format: text, markdown, json or yaml"))
    }

    @Test func hardwareShowMarkdownIsMarkdown() throws {
        let result = try CLI.run(["hardware", "show", "h100-sxm", "--format", "markdown"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("### h100-sxm: NVIDIA H100 SXM5 80GB (NVIDIA)\n\n| figure | value | source |\n|---|---|---|\n"))
        #expect(result.stdout.contains("| memory bandwidth | 3.35 TB/s | "))
        let text = try CLI.run(["hardware", "show", "h100-sxm"])
        #expect(text.stdout != result.stdout)
    }

    @Test func hardwareJSONComesFromTheExactWriter() throws {
        let show = try CLI.run(["hardware", "show", "h100-sxm", "--format", "json"])
        #expect(show.status == 0)
        #expect(!show.stdout.contains("\" : ") && !show.stdout.contains("\\/") && !show.stdout.contains(".01,"))
        // 66.9 TFLOP/s as the catalog states it, an integer, not Foundation's 66900000000000.01.
        #expect(show.stdout.contains("\"value\": 66900000000000,"))
        let document = try #require(JSONDocument.object(show.stdout))
        #expect(document["version"] as? Int == 1)
        let profile = try #require(document["hardware"] as? [String: Any])
        #expect(profile["id"] as? String == "h100-sxm" && profile["memory_bandwidth"] != nil)
        let list = try #require(JSONDocument.object(try CLI.run(["hardware", "list", "--format", "json"]).stdout))
        #expect(list["version"] as? Int == 1 && ((list["hardware"] as? [Any])?.count ?? 0) > 10)
    }

    @Test func rulesTakeFormatMarkdownAndJSON() throws {
        let one = try CLI.run(["rules", "AC103", "--format", "markdown"])
        #expect(one.status == 0 && one.stdout.hasPrefix("### AC103\n\n`heads-not-divisible-by-kv-heads`"))
        let json = try #require(JSONDocument.object(try CLI.run(["rules", "--format", "json"]).stdout))
        #expect(json["version"] as? Int == 1)
        let rules = try #require(json["rules"] as? [[String: Any]])
        #expect(rules.first?["enabled_by_default"] != nil && rules.first?["help_uri"] as? String != nil)
    }

    /// Every JSON document: an object with an integer version, snake_case keys throughout, `model` for the model.
    @Test(arguments: [
        ["estimate", "specs/llama-3-8b.yaml", "--format", "json"],
        ["estimate", "specs/llama-3-8b.yaml", "--prune-heads", "25%", "--format", "json"],
        ["compare", "specs/llama-2-7b.yaml", "specs/llama-3-8b.yaml", "--format", "json"],
        ["size", "specs/llama-3-8b.yaml", "--hardware", "h100-sxm", "--scales", "--format", "json"],
        ["size", "specs/llama-3-8b.yaml", "--hardware", "h100-sxm", "--sweep", "batch=1..4", "--format", "json"],
        ["hardware", "list", "--format", "json"],
        ["hardware", "show", "h100-sxm", "--format", "json"],
        ["rules", "--format", "json"],
        ["lint", "--isolated", "--format", "json", "Tests/Fixtures/lint/opt-13b.yaml"],
    ])
    func everyJSONDocumentIsVersionedAndSnakeCase(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        let document = try #require(JSONDocument.object(result.stdout), "\(arguments): \(result.stderr)")
        #expect(document["version"] is Int, "\(arguments)")
        var keys: [String] = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                keys += object.keys
                object.values.forEach(collect)
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(document)
        let camel = keys.filter { key in key.contains { $0.isUppercase } }
        #expect(camel.isEmpty, "\(arguments): \(Set(camel))")
        // `name` is a rule's, a device's or the tool's (lint's `tool.name`), never the model's.
        #expect(!keys.contains("name") || ["rules", "hardware", "lint"].contains(arguments[0]), "the model is 'model' (\(arguments))")
        if ["estimate", "compare", "size"].contains(arguments[0]) { #expect(keys.contains("model")) }
    }

    @Test func lintJSONIsVersion2SnakeCase() throws {
        let result = try CLI.run(["lint", "--isolated", "--format", "json", "Tests/Fixtures/lint/opt-13b.yaml"])
        let document = try #require(JSONDocument.object(result.stdout))
        #expect(document["version"] as? Int == 2)
        let finding = try #require(((document["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])?.first)
        #expect(finding["rule_id"] as? String == "AC201" && finding["rule_name"] as? String == "vocab-not-padded")
        #expect(finding["end_line"] as? Int == 5 && finding["key_path"] as? String == "vocab_size")
    }
}
