import Testing
@testable import ArchSpec

#if canImport(Glibc)
import Glibc
#endif

/// `Glob`: the documented semantics, agreement with a brute-force reference on random patterns, and limits.
@Suite struct GlobTests {
    @Test(arguments: [
        ("legacy/**", "legacy/a.yaml", true), ("legacy/**", "specs/legacy.yaml", false),
        ("legacy", "x/legacy/a.yaml", true), ("legacy", "legacy", true), ("legacy", "xlegacy/a.yaml", false),
        ("*.yml", "a/b/c.yml", true), ("specs/*.yaml", "specs/a/b.yaml", false),
        ("specs/*.yaml", "specs/a.yaml", true), ("./specs/*.yaml", "specs/a.yaml", true),
        ("specs/", "specs/a/b.yaml", true), ("specs/**/gen-*.yaml", "specs/gen-1.yaml", true),
        ("specs/**/gen-*.yaml", "specs/x/y/gen-2.yaml", true), ("a?c.yaml", "abc.yaml", true),
        ("a?c.yaml", "a/c.yaml", false), ("a**b", "a/x/b", true), ("a/*", "a/b/c", true),
        ("a/***/b", "a/b", true), ("a/***/b", "a/x/y/b", true), ("a*****", "a/x", true),
        ("é*/ü?", "éa/üb", true), ("é*/ü?", "éa/ü", false),
    ])
    func matchesAsDocumented(pattern: String, path: String, expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected, "\(pattern) vs \(path)")
    }

    /// The old recursive matcher, on the pattern with runs of `*` collapsed to `**`: exponential without its
    /// pattern x path memo, so only for small inputs.
    static func reference(_ pattern: String, _ path: String) -> Bool {
        var text = pattern.hasPrefix("./") ? String(pattern.dropFirst(2)) : pattern
        if text.hasSuffix("/") { text.removeLast() }
        if !text.contains("/") { text = "**/" + text }
        while text.contains("***") { text = text.replacingOccurrences(of: "***", with: "**") }
        let p = Array(text.unicodeScalars)
        func go(_ i: Int, _ t: ArraySlice<Unicode.Scalar>) -> Bool {
            if i == p.count { return t.isEmpty }
            if p[i] == "*", i + 1 < p.count, p[i + 1] == "*" {
                if i + 2 < p.count, p[i + 2] == "/" {
                    if go(i + 3, t) { return true }
                    return t.indices.contains { t[$0] == "/" && go(i + 3, t[($0 + 1)...]) }
                }
                return (t.startIndex...t.endIndex).contains { go(i + 2, t[$0...]) }
            }
            if p[i] == "*" {
                var k = t.startIndex
                while true {
                    if go(i + 1, t[k...]) { return true }
                    if k == t.endIndex || t[k] == "/" { return false }
                    k += 1
                }
            }
            guard let first = t.first, p[i] == "?" ? first != "/" : p[i] == first else { return false }
            return go(i + 1, t.dropFirst())
        }
        let scalars = Array(path.unicodeScalars)
        if go(0, scalars[...]) { return true }
        return scalars.indices.contains { scalars[$0] == "/" && go(0, scalars[..<$0]) }
    }

    @Test func agreesWithTheReferenceOnRandomPatterns() {
        var random = SplitMix(state: 11)
        let patternAlphabet: [String] = ["a", "b", "/", "*", "**", "?", "**/"]
        let pathAlphabet: [String] = ["a", "b", "/"]
        for _ in 0..<4_000 {
            let pattern = (0..<Int.random(in: 0...6, using: &random)).map { _ in patternAlphabet.randomElement(using: &random)! }.joined()
            let path = (0..<Int.random(in: 0...7, using: &random)).map { _ in pathAlphabet.randomElement(using: &random)! }.joined()
            #expect(Glob(pattern).matches(path) == Self.reference(pattern, path), "\(pattern) vs \(path)")
        }
    }

    /// A bad case for the automaton: a pattern at the length limit whose stars all stay live, against a
    /// 3,840-character path of 255-character names (NAME_MAX): a star never crosses `/`, so at most one live
    /// position per character of the current name.
    @Test func longestPatternMatchesInBoundedTime() {
        let pattern = String(repeating: "*a", count: Glob.maxPatternBytes / 2 - 1) + "b"
        let path = Array(repeating: String(repeating: "a", count: 255), count: 15).joined(separator: "/")
        // Thread CPU time, not wall time: the bound must hold on a loaded machine.
        var start = timespec(), end = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
        let matched = Glob(pattern).matches(path)
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
        let elapsed = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
        #expect(!matched)
        #expect(elapsed < 2.0, "took \(elapsed) s of CPU")
    }

    @Test func stackOfStarsNeitherRecursesNorAllocatesPerPath() {
        let glob = Glob(String(repeating: "*", count: 300_000) + "x")
        #expect(glob.steps == Glob("**x").steps, "a run of stars is one step")
        #expect(glob.matches("a/b/cx"))
    }

    @Test func limitsAreLocatedConfigErrors() {
        func error(_ text: String) -> LintConfigError? {
            do {
                _ = try ConfigReader.read(Array(text.utf8), file: ".archcalc.yaml", directory: "/r")
                return nil
            } catch {
                return error
            }
        }
        let stars = error("lint:\n  exclude:\n    - \"" + String(repeating: "*", count: 300_000) + "\"\n")
        #expect(stars?.location == SourceLocation(line: 3, column: 7))
        #expect(stars?.message.contains("pattern is too long (300000 bytes; the limit is 4096 bytes)") == true)
        let literal = error("lint:\n  exclude: [\"" + String(repeating: "a", count: 1_000_000) + "\"]\n")
        #expect(literal?.location == SourceLocation(line: 2, column: 13))
        // A key over 1,024 characters must be explicit (`? key`) in YAML.
        let key = error("lint:\n  per-file-ignores:\n    ? " + String(repeating: "a", count: 5_000) + "\n    : [AC2]\n")
        #expect(key?.location == SourceLocation(line: 3, column: 7))
        #expect(key?.message == "lint.per-file-ignores: pattern is too long (5000 bytes; the limit is 4096 bytes)")
        let many = "lint:\n  exclude:\n" + (0...Glob.maxPatterns).map { "    - p\($0)\n" }.joined()
        let tooMany = error(many)
        #expect(tooMany?.location == SourceLocation(line: Glob.maxPatterns + 3, column: 7))
        #expect(tooMany?.message.hasPrefix("too many patterns") == true)
        #expect(error("lint:\n  exclude:\n" + (1...Glob.maxPatterns).map { "    - p\($0)\n" }.joined()) == nil)
    }
}

