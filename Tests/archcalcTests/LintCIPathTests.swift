import Foundation
import Testing

/// SARIF and GitHub annotations name files relative to the repository root, normalised, with fingerprints that
/// are stable across invocations and unique per result.
struct LintCIPathTests {
    static func sarif(_ arguments: [String], from directory: String? = nil) throws -> [[String: Any]] {
        let result = try CLI.run(["lint", "--isolated", "--format", "sarif"] + arguments, directory: directory)
        let log = try #require(JSONDocument.object(result.stdout), "\(result.stderr)")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let base = (run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any]
        #expect(base?["uri"] as? String == "file://" + CLI.root + "/")
        return try #require(run["results"] as? [[String: Any]])
    }

    static func locations(_ results: [[String: Any]]) -> [[String: String]] {
        results.map { result in
            let locations = result["locations"] as? [[String: Any]]
            let physical = locations?.first?["physicalLocation"] as? [String: Any]
            return physical?["artifactLocation"] as? [String: String] ?? [:]
        }
    }

    static func fingerprints(_ results: [[String: Any]]) -> [String] {
        results.map { ($0["partialFingerprints"] as? [String: String])?["archcalcLogicalKey/v2"] ?? "" }
    }

    @Test func urisAreRelativeToTheRepositoryRootAndNormalised() throws {
        let spellings = [("specs/llama-3-8b.yaml", CLI.root), ("./specs//llama-3-8b.yaml", CLI.root),
                         ("llama-3-8b.yaml", CLI.root + "/specs"), ("../specs/./llama-3-8b.yaml", CLI.root + "/docs")]
        var seen: [[String]] = []
        for (path, directory) in spellings {
            let results = try Self.sarif(["--tp", "3,5", path], from: directory)
            #expect(results.count == 7)
            for location in Self.locations(results) {
                #expect(location == ["uri": "specs/llama-3-8b.yaml", "uriBaseId": "%SRCROOT%"], "\(path) from \(directory)")
            }
            seen.append(Self.fingerprints(results))
        }
        // Stable: the same results from every spelling and working directory have the same fingerprints.
        #expect(Set(seen.map { $0.joined(separator: ",") }).count == 1)
        // Unique: --tp 3 and --tp 5 flag the same key with two messages; no two results share one.
        let first = try #require(seen.first)
        #expect(Set(first).count == first.count && !first.contains(""))
    }

    @Test func helpURIsPointAtAnchorsThatExist() throws {
        let result = try CLI.run(["lint", "--isolated", "--format", "sarif", "specs/llama-3-8b.yaml"])
        let log = try #require(JSONDocument.object(result.stdout))
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let docs = try String(contentsOfFile: CLI.path("docs/rules.md"), encoding: .utf8)
        #expect(rules.count > 30)
        for rule in rules {
            let uri = try #require(rule["helpUri"] as? String)
            let anchor = try #require(uri.split(separator: "#").last.map(String.init))
            #expect(uri.hasSuffix("docs/rules.md#" + anchor))
            // The anchor is the slug of a `### CODE` heading of docs/rules.md.
            #expect(docs.contains("\n### \(anchor.uppercased())\n"), "\(uri)")
            #expect(anchor == (rule["id"] as? String)?.lowercased())
        }
    }

    @Test func githubAnnotationsNameTheFileFromTheRepositoryRoot() throws {
        let result = try CLI.run(["lint", "--isolated", "--format", "github", "--tp", "3", "./llama-3-8b.yaml"],
                                 directory: CLI.root + "/specs")
        let lines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("::") }
        #expect(!lines.isEmpty)
        for line in lines { #expect(line.contains(" file=specs/llama-3-8b.yaml,"), "\(line)") }
    }
}
