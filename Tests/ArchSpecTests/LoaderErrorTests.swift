import ArchSpec
import Foundation
import Testing

/// Every class of bad input gives located, one-line diagnostics and no spec.
struct LoaderErrorTests {
    func only(_ yaml: String, code: String? = nil) -> Diagnostic? {
        let result = load(yaml)
        #expect(result.spec == nil)
        guard let code else { return result.diagnostics.first }
        return result.diagnostics.first { $0.code.rawValue == code }
    }

    func replacing(_ old: String, with new: String) -> String {
        llama3YAML.replacingOccurrences(of: old, with: new)
    }

    @Test func typoedKeySuggestsTheNearestKey() throws {
        let d = try #require(only(replacing("  kv_heads: 8", with: "  kv_head: 8")))
        #expect(d.code == "unknown-key")
        #expect(d.message == "unknown key 'kv_head' in attention; did you mean kv_heads?")
        #expect(d.location == SourceLocation(line: 10, column: 3))
        #expect(d.keyPath == "attention.kv_head")
    }

    @Test func huggingFaceNamesSuggestArchspecPaths() throws {
        let d = try #require(only(replacing("layers: 32", with: "num_hidden_layers: 32"), code: "unknown-key"))
        #expect(d.message.contains("did you mean layers?"))
    }

    @Test func duplicateKeyPointsAtBothOccurrences() throws {
        let d = try #require(only(llama3YAML + "\nlayers: 40"))
        #expect(d.code == "duplicate-key")
        #expect(d.location?.line == 14)
        #expect(d.notes.first?.location?.line == 5)
    }

    /// `attention.heads` may be a per-layer list (issue: layer plan), but then it needs one entry per layer.
    @Test func perLayerListOfTheWrongLength() throws {
        let d = try #require(only(replacing("  heads: 32", with: "  heads: [32]")))
        #expect(d.code == "inconsistent")
        #expect(d.message == "attention.heads has 1 entry, but layers is 32: give one per layer")
        #expect(d.location?.line == 9)
    }

    @Test(arguments: [
        ("  heads: \"32\"", "attention.heads must be an integer, got the string \"32\""),
        ("  heads: 32.5", "attention.heads must be an integer, got 32.5"),
        ("  heads: {a: 1}", "attention.heads must be an integer, got a mapping"),
        ("  heads: yes", "attention.heads must be an integer, got 'yes'"),
    ])
    func wrongTypes(line: String, message: String) throws {
        let d = try #require(only(replacing("  heads: 32", with: line)))
        #expect(d.code == "wrong-type")
        #expect(d.message == message)
        #expect(d.location?.line == 9)
    }

    @Test func negativeAndZeroSizes() throws {
        let negative = try #require(only(replacing("layers: 32", with: "layers: -4")))
        #expect(negative.message == "layers must be at least 1, got -4")
        #expect(negative.code == "out-of-range")
        let zero = try #require(only(replacing("hidden_size: 4096", with: "hidden_size: 0")))
        #expect(zero.code == "out-of-range")
    }

    @Test func hugeIntegerIsOutOfRange() throws {
        let d = try #require(only(replacing("vocab_size: 128256", with: "vocab_size: 1000000000000000000000000000000")))
        #expect(d.code == "out-of-range")
        #expect(d.location == SourceLocation(line: 3, column: 13))
    }

    @Test func missingRequiredField() throws {
        let d = try #require(only(replacing("vocab_size: 128256\n", with: "")))
        #expect(d.code == "missing-field")
        #expect(d.message == "missing required key 'vocab_size'")
    }

    @Test func headsNotDividingHiddenNeedsHeadDim() throws {
        let text = replacing("hidden_size: 4096", with: "hidden_size: 5140")
            .replacingOccurrences(of: "heads: 32\n  kv_heads: 8", with: "heads: 40\n  kv_heads: 8")
        let d = try #require(only(text))
        #expect(d.message == "hidden_size 5140 is not divisible by attention.heads 40; set attention.head_dim")
    }

    @Test func kvHeadsMustDivideHeads() throws {
        let d = try #require(only(replacing("kv_heads: 8", with: "kv_heads: 6")))
        #expect(d.message == "attention.heads 32 is not divisible by attention.kv_heads 6; kv_heads must divide heads (1, 2, 4, 8, 16, 32)")
        #expect(d.location?.line == 10)
    }

    @Test func aliasBombIsRefusedQuickly() throws {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        let clock = ContinuousClock()
        var result: SpecLoadResult?
        let elapsed = clock.measure { result = load(yaml) }
        let d = try #require(result?.diagnostics.first)
        #expect(d.code == "alias-bomb")
        #expect(elapsed < .seconds(1))
    }

    @Test(arguments: [
        ("", "empty file: expected an archspec mapping"),
        ("- a\n- b\n", "expected a mapping of spec keys at the top level, got a list"),
        ("just a string", "expected a mapping of spec keys at the top level, got a scalar"),
    ])
    func notAMapping(text: String, message: String) throws {
        let d = try #require(only(text))
        #expect(d.code == "not-a-spec")
        #expect(d.message == message)
    }

    @Test func binaryGarbageIsNotText() throws {
        let result = SpecLoader.load(bytes: [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x00, 0xff, 0xfe], file: "a.out")
        let d = try #require(result.diagnostics.first)
        #expect(d.message.contains("not UTF-8 text"))
        #expect(result.spec == nil)
    }

    @Test func syntaxErrorIsLocated() throws {
        let d = try #require(only("archspec: 1\nattention: {heads: 3\n"))
        #expect(d.code == "yaml-syntax")
        #expect(d.location != nil)
    }

    @Test func missingFileAndDirectory() throws {
        let missing = SpecLoader.load(path: "/nonexistent/spec.yaml")
        #expect(missing.diagnostics.first?.message == "/nonexistent/spec.yaml: no such file")
        let directory = SpecLoader.load(path: Repository.path("specs"))
        #expect(directory.diagnostics.first?.message.hasSuffix("is a directory, not a spec file") == true)
    }

    @Test func unsupportedVersion() throws {
        let d = try #require(only(replacing("archspec: 1", with: "archspec: 2")))
        #expect(d.code == "unsupported")
        #expect(d.location?.line == 1)
    }

    @Test func pythonTagsAreRefused() throws {
        let d = try #require(only(replacing("name: llama-3-8b", with: "name: !!python/object:os.system rm")))
        #expect(d.code == "unsupported")
    }

    @Test func controlCharactersAreEscapedInMessages() throws {
        let d = try #require(only(replacing("layers: 32", with: "\"lay\\u001b[31mers\": 32"), code: "unknown-key"))
        #expect(!d.message.unicodeScalars.contains { $0.value == 0x1b })
        #expect(d.message.contains("\\u{1b}"))
    }
}

extension LoaderErrorTests {
    @Test func trillionLayersIsTooLarge() throws {
        let d = try #require(only(replacing("layers: 32", with: "layers: 1000000000000")))
        #expect(d.code == "out-of-range")
        #expect(d.message == "layers is too large: 1000000000000 exceeds the limit of 4294967296")
    }
}
