import Foundation
import Testing

/// calibrate's progress bar: drawn only when standard error is a terminal, and its total is what runs (it
/// used to count BLAS steps without a BLAS library and stop at 22/34). A one-layer spec, its shapes only.
struct ProgressTests {
    static let spec = """
        archspec: 1
        name: tiny
        layers: 1
        hidden_size: 64
        vocab_size: 128
        context_length: 64
        dtype: bf16
        attention: {heads: 2, kv_heads: 1}
        mlp: {kind: gated, intermediate_size: 128}

        """

    static func arguments(_ spec: String) throws -> [String] {
        ["calibrate", "--quick", "--spec-only", "--spec", spec, "--no-steps", "--threads", "1",
         "-o", try CLI.temporaryFile("", name: "profile.yaml")]
    }

    @Test func noBarWithoutATerminal() throws {
        let spec = try CLI.temporaryFile(Self.spec, name: "tiny.yaml")
        let result = try CLI.run(try Self.arguments(spec))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("[#") && !result.stderr.contains("\r"), "\(result.stderr)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func onATerminalTheBarEndsAtItsTotal() throws {
        let spec = try CLI.temporaryFile(Self.spec, name: "tiny.yaml")
        // script(1) gives the command a pseudo-terminal; its output is what the terminal showed.
        let command = ([CLI.binary.path] + (try Self.arguments(spec))).map { "'\($0)'" }.joined(separator: " ")
        let result = try CLI.runTool("/usr/bin/script", ["-qec", command, "/dev/null"], in: CLI.root)
        #expect(result.status == 0, "\(result.stdout)")
        let frames = result.stdout.split(whereSeparator: { $0 == "\r" || $0 == "\n" }).filter { $0.hasPrefix("[") }
        let last = try #require(frames.last, "\(result.stdout)")
        // `[########################] N/N label`
        let counts = last.split(separator: " ")[1].split(separator: "/")
        #expect(counts.count == 2 && counts[0] == counts[1], "\(last)")
        #expect(frames.count == Int(counts[1]), "\(frames.count) frames for \(last)")
    }
}
