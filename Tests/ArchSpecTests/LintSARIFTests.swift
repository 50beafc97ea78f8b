import Testing
@testable import ArchSpec

/// The SARIF output against the SARIF 2.1.0 JSON schema and GitHub code scanning's required properties.
@Suite struct LintSARIFTests {
    static func schema() throws -> TestJSON {
        let bytes = try FileInput.read(LintFixtures.root + "/Tests/Fixtures/sarif-schema-2.1.0.json", limit: 1 << 20)
        return try TestJSON.parse(String(decoding: bytes, as: UTF8.self))
    }

    static func sarif(_ run: LintRun) throws -> TestJSON {
        try TestJSON.parse(SARIFLintRenderer(toolVersion: "0.1.0").render(run))
    }

    @Test func validatesAgainstTheSchema() throws {
        var run = try LintFixtures.goldenRun()
        run.files.append(LintFixtures.lint(text: "archspec: 1\nvocab_size: 50257\n", name: "dir with space/ü.yaml"))
        run.ioErrors = [.missing(path: "missing.yaml")]
        let errors = LintJSONSchemaChecker(root: try Self.schema()).check(try Self.sarif(run))
        #expect(errors.isEmpty, "\(errors.prefix(10))")
    }

    @Test func checkerRejectsInvalidSARIF() throws {
        let checker = LintJSONSchemaChecker(root: try Self.schema())
        #expect(!checker.check(try TestJSON.parse(#"{"version": "2.0.0", "runs": []}"#)).isEmpty)
        let badLevel = #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}"#
        #expect(!checker.check(try TestJSON.parse(badLevel)).isEmpty)
        let extra = #"{"version": "2.1.0", "runs": [], "unexpected": 1}"#
        #expect(!checker.check(try TestJSON.parse(extra)).isEmpty)
    }

    @Test func carriesWhatGitHubRequires() throws {
        let log = try Self.sarif(try LintFixtures.goldenRun())
        #expect(log["$schema"] != nil && log["version"] == .string("2.1.0"))
        guard case .array(let runs)? = log["runs"], let run = runs.first else { return #expect(Bool(false)) }
        #expect(run["columnKind"] == .string("unicodeCodePoints"))
        guard case .array(let rules)? = run["tool"]?["driver"]?["rules"] else { return #expect(Bool(false)) }
        #expect(rules.count == RuleCatalog.descriptions.count)
        for rule in rules {
            for key in ["shortDescription", "fullDescription", "help"] {
                guard case .string(let text)? = rule[key]?["text"] else { return #expect(Bool(false), "\(key)") }
                #expect(!text.isEmpty && text.count <= 1024 || key == "help")
            }
        }
        guard case .array(let results)? = run["results"] else { return #expect(Bool(false)) }
        #expect(results.count > 5)
        for result in results {
            #expect(result["ruleId"] != nil && result["message"]?["text"] != nil && result["level"] != nil)
            #expect(result["partialFingerprints"]?[SARIFFingerprint.key] != nil)
            guard case .array(let locations)? = result["locations"], let region = locations.first?["physicalLocation"]?["region"]
            else { return #expect(Bool(false)) }
            for key in ["startLine", "startColumn", "endLine", "endColumn"] { #expect(region[key] != nil, "\(key)") }
        }
    }

    @Test func jsonPointersFollowRFC6901() {
        func pointer(_ path: String) -> String? {
            LintFinding(diagnostic: Diagnostic(severity: .error, code: "AC007", message: "m", file: "f", location: nil,
                                               keyPath: path), rule: InvalidValueRule.description).pointer
        }
        #expect(pointer("attention.kv_heads") == "/attention/kv_heads")
        #expect(pointer("attention.full_layers[2]") == "/attention/full_layers/2")
        #expect(pointer("a~b/c") == "/a~0b~1c")
    }

    @Test func uriReferencesArePercentEncoded() {
        #expect(URIText.reference("specs/a b.yaml") == "specs/a%20b.yaml")
        #expect(URIText.reference("/abs/ü.yaml") == "file:///abs/%C3%BC.yaml")
    }
}
