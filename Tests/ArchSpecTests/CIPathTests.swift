import Testing
@testable import ArchSpec

/// `RepositoryRoot` (the paths SARIF and GitHub annotations use) and `SARIFFingerprint`, worked by hand.
@Suite struct CIPathTests {
    let root = RepositoryRoot(path: "/repo", workingDirectory: "/repo/models")

    @Test func pathsAreRelativeToTheRootAndNormalised() {
        #expect(root.relative("x.yaml") == "models/x.yaml")
        #expect(root.relative("./x.yaml") == "models/x.yaml")
        #expect(root.relative("..//models/./x.yaml") == "models/x.yaml")
        #expect(root.relative("/repo/specs//a/../x.yaml") == "specs/x.yaml")
        #expect(root.relative("../../elsewhere/x.yaml") == nil)
        #expect(root.reference("../../elsewhere/x.yaml") == "/elsewhere/x.yaml")
        #expect(RepositoryRoot(path: ".", workingDirectory: "/a/b/").path == "/a/b")
    }

    @Test func theRootIsTheDirectoryHoldingGit() {
        // This test file lives in a checkout: the root found from it holds Package.swift.
        let found = RepositoryRoot.find(for: LintFixtures.root + "/Tests/Fixtures/lint/opt-13b.yaml", workingDirectory: "/")
        #expect(found.path == RepositoryRoot.absolute(LintFixtures.root, in: "/"))
        // No .git above /: the working directory.
        #expect(RepositoryRoot.find(for: nil, workingDirectory: "/").path == "/")
    }

    /// FNV-1a 64 with a zero byte after each field: the published vector for the single byte 0 is
    /// 0xaf63bd4c8601b7df.
    @Test func fingerprintHashIsFNV1a() {
        #expect(SARIFFingerprint.hash([""]) == "af63bd4c8601b7df")
        #expect(SARIFFingerprint.hash(["a"]) == "089be207b544f1e4")
        #expect(SARIFFingerprint.hash(["ab", "c"]) != SARIFFingerprint.hash(["a", "bc"]))
    }

    @Test func repeatedResultsGetTheirOccurrence() {
        let finding = LintFinding(diagnostic: Diagnostic(severity: .error, code: "AC301", message: "m", file: "x.yaml",
                                                         location: nil, keyPath: "attention.heads"),
                                  rule: RuleCatalog.description(for: "heads-not-divisible-by-tp")!)
        var counter = SARIFFingerprint.Counter()
        let first = counter.next(finding, path: "models/x.yaml"), second = counter.next(finding, path: "models/x.yaml")
        #expect(first.hasSuffix(":1") && second.hasSuffix(":2") && first.dropLast(2) == second.dropLast(2))
        var other = SARIFFingerprint.Counter()
        #expect(other.next(finding, path: "models/x.yaml") == first)
    }
}
