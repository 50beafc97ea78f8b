import Testing
@testable import ArchSpec

/// Inline suppressions: line, block and file scope, reasons, unused and unknown suppressions.
@Suite struct LintSuppressionTests {
    func codes(_ report: FileReport) -> [String] { report.findings.map(\.diagnostic.code.rawValue) }

    @Test func fixtureSuppressesWhatItNames() throws {
        let report = try LintFixtures.lint("suppressions.yaml")
        let found = report.findings.map { "\($0.diagnostic.location?.line ?? 0):\($0.diagnostic.code)" }
        #expect(found == ["14:AC203", "14:AC901", "16:AC902", "17:AC901"])
    }

    @Test func ownLineIgnoreCoversTheNextCodeLine() {
        let spec = "archspec: 1\n# archcalc: ignore[AC201] - fixed tokenizer\n\nvocab_size: 50257\nhidden_size: 4096\nlayers: 2\ncontext_length: 8\nattention: {heads: 32}\nmlp: {intermediate_size: 64}\n"
        #expect(codes(LintFixtures.lint(text: spec)).isEmpty)
    }

    @Test func blockWithoutEnableRunsToTheEnd() {
        let spec = "archspec: 1\n# archcalc: disable[efficiency-rules, AC2] - legacy\nvocab_size: 50257\nhidden_size: 4000\nlayers: 2\ncontext_length: 8\nattention: {heads: 125}\nmlp: {intermediate_size: 100}\n"
        let found = codes(LintFixtures.lint(text: spec))
        #expect(found == ["AC902"])
    }

    @Test func syntaxErrorsCannotBeSuppressed() {
        let spec = "# archcalc: file-ignore - nothing parses\narchspec: 1\nvocab_size: [1\n"
        #expect(codes(LintFixtures.lint(text: spec)) == ["AC001"])
        let config = LintConfiguration(directory: "/")
        #expect(config.settings(for: "/x.yaml", overrides: LintOverrides(ignore: ["AC001"])).enabled.contains("AC001"))
    }

    @Test func reasonRuleIsOptIn() {
        let spec = "archspec: 1\nvocab_size: 50257  # archcalc: ignore[AC201]\nhidden_size: 4096\nlayers: 2\ncontext_length: 8\nattention: {heads: 32}\nmlp: {intermediate_size: 64}\n"
        #expect(codes(LintFixtures.lint(text: spec)).isEmpty)
        var settings = LintSettings()
        settings.enabled.insert("AC903")
        #expect(codes(LintFixtures.lint(text: spec, settings: settings)) == ["AC903"])
    }

    @Test func unusedSuppressionOfADisabledRuleIsNotReported() {
        let spec = "archspec: 1\nvocab_size: 50257  # archcalc: ignore[AC201] - x\nhidden_size: 4096\nlayers: 2\ncontext_length: 8\nattention: {heads: 32}\nmlp: {intermediate_size: 64}\n"
        var settings = LintSettings()
        settings.enabled.remove("AC201")
        #expect(codes(LintFixtures.lint(text: spec, settings: settings)).isEmpty)
    }
}

/// Hugging Face config.json files are linted through the importer; JSON has no ambiguous scalars.
@Suite struct LintHuggingFaceTests {
    @Test func configJSONGetsGeometryRulesAndNoYAMLOnlyRules() throws {
        let report = try LintFixtures.lint("repo/models/tiny-llama/config.json")
        #expect(report.findings.map(\.diagnostic.code) == ["AC103"])
        #expect(report.findings.first?.diagnostic.location == SourceLocation(line: 8, column: 26))
    }

    @Test func directoryScansSkipOtherJSON() {
        let skipped = FileLinter.lint(bytes: Array(#"{"name": "x"}"#.utf8), file: "pkg/config.json", settings: .default, explicit: false)
        #expect(skipped.status == .skipped)
        let other = FileLinter.lint(bytes: Array(#"{"model_type": "llama"}"#.utf8), file: "pkg/other.json", settings: .default, explicit: false)
        #expect(other.status == .skipped)
    }
}
