import Testing
@testable import ArchSpec

#if canImport(Glibc)
import Glibc
#endif

/// The per-file findings cap, its note, and suppression work that stays linear in the number of directives.
@Suite struct LintFindingCapTests {
    static let spec = "archspec: 1\nvocab_size: 32000\nhidden_size: 4096\nlayers: 32\ncontext_length: 4096\n"
        + "attention: {heads: 32, kv_heads: 8}\nmlp: {intermediate_size: 11008}\n"

    static func cpuSeconds(_ work: () -> Void) -> Double {
        var start = timespec(), end = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
        work()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
        return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    }

    /// 1,200 unused suppressions (warnings) come first; the errors after them are past the cap, so the note
    /// carries error severity and the run still fails.
    @Test func noteCountsTheRestAtTheirHighestSeverity() throws {
        let text = String(repeating: "# archcalc: ignore[AC201] - reviewed\n", count: 1_200) + Self.spec
            + (0..<300).map { "extra_\($0): 1\n" }.joined()
        let report = LintFixtures.lint(text: text)
        #expect(report.findings.count == FileLinter.maxFindingsPerFile + 1)
        #expect(report.findings.prefix(1_000).allSatisfy { $0.diagnostic.code == "AC901" })
        let note = try #require(report.findings.last)
        #expect(note.diagnostic.code == "AC003")
        #expect(note.diagnostic.severity == .error)
        #expect(note.diagnostic.message == "500 more findings not shown (the limit is 1000 per file)")
        #expect(note.diagnostic.location == SourceLocation(line: 1_001, column: 1))
        let run = LintRun(files: [report])
        let errors = LintJSONSchemaChecker(root: try LintSARIFTests.schema()).check(try LintSARIFTests.sarif(run))
        #expect(errors.isEmpty, "\(errors.prefix(5))")
        _ = try TestJSON.parse(JSONLintRenderer(toolVersion: "0.1.0").render(run))
    }

    @Test func noNoteAtTheCap() {
        let text = Self.spec + (0..<1_000).map { "extra_\($0): 1\n" }.joined()
        let report = LintFixtures.lint(text: text)
        #expect(report.findings.count == 1_000)
        #expect(!report.findings.contains { $0.diagnostic.code == "AC003" })
    }

    /// 20,000 open `disable` blocks and 20,000 `enable`s naming other rules: each `enable` used to scan every
    /// open block. The blocks still silence what they cover.
    @Test func manyBlocksStayLinear() {
        let text = Self.spec.replacingOccurrences(of: "kv_heads: 8", with: "kv_heads: 6")
        let blocks = String(repeating: "# archcalc: disable[AC103] - reviewed\n", count: 20_000)
            + String(repeating: "# archcalc: enable[AC201]\n", count: 20_000)
        var report = FileReport(path: "", status: .skipped)
        let seconds = Self.cpuSeconds { report = LintFixtures.lint(text: blocks + text) }
        #expect(seconds < 2.0, "took \(seconds) s of CPU")
        #expect(!report.findings.contains { $0.diagnostic.code == "AC103" }, "the open blocks cover the spec")
        #expect(!report.findings.contains { $0.diagnostic.code == "AC901" && $0.diagnostic.location!.line <= 20_000 })
    }

    /// One directive naming 100,000 unknown rules: selector lookups are memoised and hints limited.
    @Test func manySelectorsStayLinear() {
        let selectors = (0..<100_000).map { "rule-\($0 % 5_000)" }.joined(separator: ",")
        let text = Self.spec + "# archcalc: ignore[\(selectors)] - reviewed\n"
        var report = FileReport(path: "", status: .skipped)
        let seconds = Self.cpuSeconds { report = LintFixtures.lint(text: text) }
        #expect(seconds < 2.0, "took \(seconds) s of CPU")
        #expect(report.findings.count == FileLinter.maxFindingsPerFile + 1)
    }
}
