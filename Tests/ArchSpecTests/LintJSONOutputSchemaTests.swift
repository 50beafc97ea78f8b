import Testing
@testable import ArchSpec

/// The lint JSON document against its published schema (docs/schemas/lint-output.schema.json), with the same
/// draft-04 checker the SARIF tests use.
@Suite struct LintJSONOutputSchemaTests {
    static func checker() throws -> LintJSONSchemaChecker {
        let bytes = try FileInput.read(LintFixtures.root + "/docs/schemas/lint-output.schema.json", limit: 1 << 20)
        return LintJSONSchemaChecker(root: try TestJSON.parse(String(decoding: bytes, as: UTF8.self)))
    }

    @Test func lintJSONValidates() throws {
        var run = try LintFixtures.goldenRun()
        run.files.append(LintFixtures.lint(text: "archspec: 1\nvocab_size: 50257\n", name: "dir with space/ü.yaml"))
        run.ioErrors = [.missing(path: "missing.yaml")]
        let document = try TestJSON.parse(LintFormat.json.render(run, RenderOptions(toolVersion: "0.1.0")))
        let errors = try Self.checker().check(document)
        #expect(errors.isEmpty, "\(errors.prefix(10))")
    }

    /// Version 1's camelCase keys are refused: the schema can fail.
    @Test func versionOneIsRefused() throws {
        let old = """
            {"version": 1, "tool": {"name": "archcalc", "version": "0.1.0"}, "files": [{"path": "a.yaml", "status": "linted",
             "findings": [{"ruleId": "AC101", "ruleName": "x", "severity": "error", "message": "m", "notes": []}]}],
             "errors": [], "summary": {"files": 1, "linted": 1, "skipped": 0, "errors": 1, "warnings": 0, "infos": 0}}
            """
        let errors = try Self.checker().check(try TestJSON.parse(old))
        #expect(errors.contains { $0.contains("version") || $0.contains("$.version") })
        #expect(errors.contains { $0.contains("ruleId") || $0.contains("rule_id") })
    }
}
