import Testing
@testable import ArchSpec

#if canImport(Glibc)
import Glibc
#endif

/// Lint renderer output compared with golden files (`Golden`; `ARCHCALC_RECORD_GOLDENS=1` re-records them).
@Suite struct LintRendererGoldenTests {
    @Test(arguments: LintFormat.allCases)
    func matchesGolden(format: LintFormat) throws {
        let output = format.render(try LintFixtures.goldenRun(), RenderOptions(toolVersion: "0.1.0"))
        try Golden.check(output, "lint/\(format.rawValue).\(Golden.ext(format.rawValue))")
    }

    @Test func githubEscapesLikeActionsCore() throws {
        #expect(GitHubLintRenderer.escapeData("50% done\r\nnext") == "50%25 done%0D%0Anext")
        #expect(GitHubLintRenderer.escapeProperty("a:b,c%") == "a%3Ab%2Cc%25")
        let report = FileReport(path: "x,y:z.yaml", status: .linted, findings: [LintFinding(
            diagnostic: Diagnostic(severity: .info, code: "AC102", message: "line\nbreak", file: "x,y:z.yaml",
                                   location: SourceLocation(line: 3, column: 4)),
            rule: try #require(RuleCatalog.description(for: "explicit-head-dim-mismatch")), end: SourceLocation(line: 3, column: 7))])
        let output = GitHubLintRenderer().render(LintRun(files: [report], ioErrors: [], failOn: nil))
        #expect(output.hasPrefix("::notice file=x%2Cy%3Az.yaml,line=3,col=4,endLine=3,endColumn=7,title=AC102 explicit-head-dim-mismatch::line%0Abreak\n"))
    }

    @Test func textShowsCaretUnderTheToken() throws {
        let output = TextLintRenderer().render(LintRun(files: [try LintFixtures.lint("opt-13b.yaml")], ioErrors: [], failOn: nil))
        #expect(output.contains("""
            opt-13b.yaml:12:10: error: hidden_size 5140 is not divisible by attention.heads 40 (a head dim of 128.5); \
            the nearest multiple of heads is 5120; or set attention.head_dim [AC101]
             12 |   heads: 40
                |          ^^
            """))
        #expect(output.hasSuffix("1 file linted, 0 skipped: 1 error, 2 warnings, 0 info\n"))
    }
}
