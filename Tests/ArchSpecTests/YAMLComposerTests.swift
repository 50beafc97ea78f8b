import ArchSpec
import Foundation
import Testing

struct YAMLComposerTests {
    @Test func mergeKeysApplyWithoutOverridingExplicitKeys() throws {
        let yaml = """
            base: &base {heads: 32, kv_heads: 8}
            attention:
              <<: *base
              kv_heads: 4
            """
        let document = try YAMLComposer.compose(yaml)
        let attention = try #require(document.root?.mapping?["attention"]?.mapping)
        #expect(attention["heads"]?.scalar?.value == "32")
        #expect(attention["kv_heads"]?.scalar?.value == "4")
        #expect(document.anchors.first?.uses == 1)
    }

    @Test func mergedSpecLoads() throws {
        let yaml = llama3YAML.replacingOccurrences(of: "attention:\n  heads: 32\n  kv_heads: 8",
                                                   with: "attention:\n  <<: {heads: 32, kv_heads: 8}")
        let result = load(yaml)
        #expect(result.spec?.attention.kvHeads == 8)
    }

    @Test func deepNestingIsRefusedWithoutRecursion() throws {
        let yaml = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: YAMLError.self) { try YAMLComposer.compose(yaml) }
    }

    @Test func bomAndCRLFAreAccepted() throws {
        let text = "\u{FEFF}" + llama3YAML.replacingOccurrences(of: "\n", with: "\r\n")
        let result = load(text)
        #expect(result.spec?.attention.heads == 32, "\(result.diagnostics.map(\.oneLine))")
    }

    @Test func columnsCountUnicodeScalars() throws {
        let document = try YAMLComposer.compose("é: {ü: 1}")
        let inner = try #require(document.root?.mapping?["é"]?.mapping)
        #expect(inner.entries.first?.key.location == SourceLocation(line: 1, column: 5))
    }

    @Test func commentsAreCollectedWithPositions() throws {
        let document = try YAMLComposer.compose("# whole\nkey: 'a # not' # trailing\n")
        #expect(document.comments.map(\.text) == [" whole", " trailing"])
        #expect(document.comments.last?.isTrailing == true)
        #expect(document.comments.last?.location == SourceLocation(line: 2, column: 16))
    }

    @Test func multipleDocumentsAreRefused() {
        #expect(throws: YAMLError.self) { try YAMLComposer.compose("a: 1\n---\nb: 2\n") }
    }

    @Test func oversizedInputIsRefusedBeforeParsing() {
        var limits = YAMLLimits()
        limits.maxBytes = 10
        #expect(throws: YAMLError.self) { try YAMLComposer.compose("key: value that is long", limits: limits) }
    }
}
