import Testing
@testable import ArchSpec

/// CR, CR LF, LF, NEL, LS and PS: libyaml breaks lines at each, so the composer's marks, the snippets and the
/// suppression scanner must too; a suppression on one line never silences a finding on another.
@Suite struct LintLineBreakTests {
    static let breaks: [(String, String)] = [
        ("LF", "\n"), ("CRLF", "\r\n"), ("CR", "\r"), ("NEL", "\u{85}"), ("LS", "\u{2028}"), ("PS", "\u{2029}"),
    ]

    /// A spec whose line 8 holds `kv_heads: 6` (32 heads are not divisible by 6: AC103), joined by `separator`.
    static func spec(_ separator: String, extra: [String] = []) -> String {
        ([
            "archspec: 1", "vocab_size: 32000", "hidden_size: 4096", "layers: 32", "context_length: 4096", "attention:", "  heads: 32",
            "  kv_heads: 6", "mlp:", "  intermediate_size: 11008",
        ] + extra).joined(separator: separator) + separator
    }

    @Test(arguments: breaks)
    func linesSplitWhereLibYAMLSplitsThem(name: String, separator: String) throws {
        let bytes = Array(Self.spec(separator).utf8)
        let document = try YAMLComposer.compose(bytes)
        let source = SourceText(bytes: bytes)
        #expect(source.lines.count == 11, "\(name)")
        #expect(document.lines == source.lines, "\(name)")
        // The composer's mark for attention.kv_heads is line 8, column 3, and the snippet is that line.
        let attention = try #require(document.root?.mapping?["attention"]?.mapping)
        let key = try #require(attention.entries.first { $0.key.scalar?.value == "kv_heads" }?.key)
        #expect(key.location == SourceLocation(line: 8, column: 3), "\(name)")
        #expect(source.line(8) == "  kv_heads: 6", "\(name)")
    }

    @Test(arguments: breaks)
    func findingPointsAtItsLineWithItsSnippet(name: String, separator: String) {
        let report = LintFixtures.lint(text: Self.spec(separator))
        let finding = report.findings.first { $0.diagnostic.code == "AC103" }
        #expect(finding?.diagnostic.location?.line == 8, "\(name): \(report.findings.map(\.diagnostic.oneLine))")
        #expect(finding?.sourceLine == "  kv_heads: 6", "\(name)")
    }

    /// A trailing suppression on line 7 must not reach line 8, whatever ends line 7.
    @Test(arguments: breaks)
    func suppressionOnAnotherLineDoesNotSilence(name: String, separator: String) {
        let text = Self.spec(separator).replacingOccurrences(
            of: "heads: 32", with: "heads: 32 # archcalc: ignore[AC103] - reviewed")
        let codes = LintFixtures.lint(text: text).findings.map(\.diagnostic.code)
        #expect(codes.contains("AC103"), "\(name): \(codes)")
        #expect(codes.contains("AC901"), "\(name): the misplaced suppression is reported unused")
    }

    /// A suppression on the finding's own line silences it, with every kind of break.
    @Test(arguments: breaks)
    func suppressionOnTheSameLineSilences(name: String, separator: String) {
        let text = Self.spec(separator).replacingOccurrences(
            of: "kv_heads: 6", with: "kv_heads: 6 # archcalc: ignore[AC103] - reviewed")
        let codes = LintFixtures.lint(text: text).findings.map(\.diagnostic.code)
        #expect(!codes.contains("AC103") && !codes.contains("AC901"), "\(name): \(codes)")
    }

    @Test func byteOrderMarkIsNotPartOfTheFirstLine() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\rb: 2".utf8)
        let source = SourceText(bytes: bytes)
        #expect(source.line(1) == "a: 1")
        #expect(source.line(2) == "b: 2")
        #expect(source.line(3) == nil)
    }

    @Test func invalidByteIsLocatedAfterCRBreaks() {
        let bytes = Array("a: 1\rb: 2\rcc: ".utf8) + [0xFF]
        #expect(TextCheck.location(ofByte: bytes.count - 1, in: bytes) == SourceLocation(line: 3, column: 5))
    }

    @Test func nextCodeLineSkipsBlanksAndComments() {
        let source = SourceText(bytes: Array("a: 1\r\n\r\n  # c\r\n\tb: 2\r\n# d\r\n".utf8))
        let next = source.nextCodeLines()
        #expect(next[1] == 1)
        #expect(next[2] == 4 && next[3] == 4 && next[4] == 4)
        #expect(next[5] == 7 && next[6] == 7, "none after: one past the last line")
    }
}
