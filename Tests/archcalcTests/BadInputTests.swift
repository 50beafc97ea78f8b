import Foundation
import Testing

/// Every class of bad input: a one-line located message on stderr and exit 1 (or 2 for usage), never a crash.
struct BadInputTests {
    static let valid = """
        archspec: 1
        vocab_size: 32000
        hidden_size: 4096
        layers: 32
        context_length: 4096
        attention:
          heads: 32
          kv_heads: 8
        mlp:
          intermediate_size: 11008
        """

    static let cases: [(String, String, String)] = [
        ("typo", valid.replacingOccurrences(of: "kv_heads", with: "kv_head"),
         ":8:3: error: unknown key 'kv_head' in attention; did you mean kv_heads?"),
        ("duplicate", valid + "\nlayers: 40", ":11:1: error: duplicate key 'layers' (first written at line 4)"),
        ("string", valid.replacingOccurrences(of: "heads: 32", with: "heads: \"32\""),
         ":7:10: error: attention.heads must be an integer, got the string \"32\""),
        ("fraction", valid.replacingOccurrences(of: "heads: 32", with: "heads: 32.5"),
         ":7:10: error: attention.heads must be an integer, got 32.5"),
        ("negative", valid.replacingOccurrences(of: "layers: 32", with: "layers: -1"),
         ":4:9: error: layers must be at least 1, got -1"),
        ("huge", valid.replacingOccurrences(of: "layers: 32", with: "layers: 1000000000000000000000000000000"),
         ":4:9: error: layers is out of range"),
        ("list", "- archspec: 1\n", ":1:1: error: expected a mapping of spec keys at the top level, got a list"),
        ("empty", "", ":1:1: error: empty file: expected an archspec mapping"),
        ("missing", valid.replacingOccurrences(of: "vocab_size: 32000\n", with: ""),
         ":1:1: error: missing required key 'vocab_size'"),
    ]

    @Test(arguments: cases)
    func badSpecGivesOneLocatedLine(name: String, contents: String, expected: String) throws {
        let path = try CLI.temporaryFile(contents, name: "\(name).yaml")
        let result = try CLI.run(["estimate", path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix(path + expected), "\(result.stderr)")
    }

    @Test func aliasBomb() throws {
        var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",") + "]\n"
        }
        let path = try CLI.temporaryFile(yaml, name: "bomb.yaml")
        let start = Date()
        let result = try CLI.run(["estimate", path])
        #expect(Date().timeIntervalSince(start) < 1)
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: document expands to more than 250000 nodes"))
    }

    @Test func binaryGarbage() throws {
        let path = try CLI.temporaryFile("", name: "garbage.bin")
        try Data([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0xff, 0xfe, 0x80]).write(to: URL(fileURLWithPath: path))
        let result = try CLI.run(["estimate", path])
        #expect(result.status == 2)
        #expect(result.stderr == "\(path):1:5: error: file is not UTF-8 text (binary data or a NUL byte)\n")
    }

    @Test func missingFileAndDirectory() throws {
        let missing = try CLI.run(["estimate", "no-such-spec.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "no-such-spec.yaml: error: no-such-spec.yaml: no such file\n")
        let directory = try CLI.run(["estimate", "specs"])
        #expect(directory.status == 2)
        #expect(directory.stderr.contains("is a directory"))
    }

    @Test func oneBadSpecDoesNotHideTheOthers() throws {
        let result = try CLI.run(["estimate", "specs/gpt2.yaml", "no-such-spec.yaml", "--format", "csv"])
        #expect(result.status == 2)
        #expect(result.stdout.contains("gpt2,124439808"))
    }

    @Test(arguments: [
        ["estimate"], ["estimate", "specs/gpt2.yaml", "--batch", "0"], ["estimate", "specs/gpt2.yaml", "--format", "xml"],
        ["estimate", "specs/gpt2.yaml", "--dtype", "fp7"], ["frobnicate"],
    ])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
    }

    @Test func helpDocumentsExitCodes() throws {
        let result = try CLI.run(["estimate", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Exit codes"))
    }
}
