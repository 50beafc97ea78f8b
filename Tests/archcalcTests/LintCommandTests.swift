import Foundation
import Testing

/// Runs the built `archcalc` binary and checks output and exit codes of `lint` and `rules`.
@Suite struct LintCommandTests {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let root: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static let binary: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("archcalc").path
    }()

    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                    directory: String = root) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["GITHUB_ACTIONS"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin {
            // The child may stop reading early (an oversized input): ignore SIGPIPE and the write error.
            signal(SIGPIPE, SIG_IGN)
            try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8))
        }
        try? input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    static let fixtures = "Tests/Fixtures/lint"

    @Test func cleanSpecsExitZero() throws {
        let result = try Self.run(["lint", "--isolated", "specs"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("files linted, 0 skipped: 0 errors"))
    }

    @Test func errorsExitOneAndWarningsOnlyWithStrict() throws {
        let bad = try Self.run(["lint", "--isolated", "\(Self.fixtures)/opt-13b.yaml"])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("opt-13b.yaml:12:10: error: hidden_size 5140 is not divisible by attention.heads 40"))
        let warningsOnly = "\(Self.fixtures)/repo/specs/padded.yaml"
        #expect(try Self.run(["lint", "--isolated", warningsOnly]).status == 0)
        #expect(try Self.run(["lint", "--isolated", "--strict", warningsOnly]).status == 0)
        #expect(try Self.run(["lint", "--isolated", "--tp", "8", "--strict", warningsOnly]).status == 1)
        #expect(try Self.run(["lint", "--isolated", "--fail-on", "info", "--tp", "8", warningsOnly]).status == 1)
        #expect(try Self.run(["lint", "--isolated", "--fail-on", "never", "\(Self.fixtures)/opt-13b.yaml"]).status == 0)
    }

    @Test func unparsableFileIsAFindingAndOthersAreStillLinted() throws {
        let result = try Self.run(["lint", "--isolated", "\(Self.fixtures)/syntax-error.yaml", "\(Self.fixtures)/opt-13b.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("[AC001]") && result.stdout.contains("[AC101]"))
    }

    @Test func usageConfigAndIOErrorsExitTwo() throws {
        #expect(try Self.run(["lint", "--format", "xml", "specs"]).status == 2)
        #expect(try Self.run(["lint", "--select", "AC9999", "specs"]).status == 2)
        let config = try Self.run(["lint", "--config", "\(Self.fixtures)/config-errors/unknown-key.yaml", "specs"])
        #expect(config.status == 2)
        #expect(config.stderr.contains("unknown-key.yaml:3:3: error: unknown key 'selct' in lint; did you mean select?"))
        let missing = try Self.run(["lint", "--isolated", "no-such-file.yaml", "specs"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such-file.yaml: no such file or directory"))
        #expect(missing.stdout.contains("files linted"))
    }

    @Test func directoryScanUsesTheRepositoryConfigAndSkipsNonSpecs() throws {
        let result = try Self.run(["lint", "\(Self.fixtures)/repo"])
        #expect(result.stdout.contains("4 files linted, 3 skipped"), "\(result.stdout)")
        #expect(result.stdout.contains("models/tiny-llama/config.json:8:26: error: attention.heads 32 is not divisible by attention.kv_heads 6"))
        #expect(!result.stdout.contains("excluded.yaml") && !result.stdout.contains("workflow.yaml"))
        #expect(result.stdout.contains("gpt2.yaml:7:20: error: attention.heads 12 is not divisible by tensor-parallel degree 8"))
        #expect(!result.stdout.contains("[AC201]"))
        let named = try Self.run(["lint", "\(Self.fixtures)/repo/other/workflow.yaml"])
        #expect(named.status == 1 && named.stdout.contains("[AC008]"))
        let precommit = try Self.run(["lint", "--skip-non-specs", "\(Self.fixtures)/repo/other/workflow.yaml",
                                      "\(Self.fixtures)/repo/other/config.json", "\(Self.fixtures)/repo/specs/good.yaml"])
        #expect(precommit.status == 0 && precommit.stdout.contains("1 file linted, 2 skipped"), "\(precommit.stdout)")
    }

    @Test func stdinIsLinted() throws {
        let spec = "archspec: 1\nvocab_size: 32000\nhidden_size: 4096\nlayers: 32\ncontext_length: 4096\nattention: {heads: 32, kv_heads: 6}\nmlp: {intermediate_size: 11008}\n"
        let result = try Self.run(["lint", "--isolated", "--stdin-filename", "piped.yaml", "-"], stdin: spec)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("piped.yaml:6:34: error: attention.heads 32 is not divisible by attention.kv_heads 6"))
    }

    @Test func oversizedStdinIsAFinding() throws {
        let result = try Self.run(["lint", "--isolated", "-"], stdin: String(repeating: "a", count: 5_000_000))
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("-:1:1: error: file is too large (") && result.stdout.contains("[AC003]"))
    }

    @Test func servingContextIsChecked() throws {
        let result = try Self.run(["lint", "--isolated", "--context", "16384", "specs/llama-3-8b.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("error: the serving context 16384 (--context) exceeds context_length 8192 [AC501]"))
    }

    @Test func githubFormatIsChosenOnActions() throws {
        let result = try Self.run(["lint", "--isolated", "\(Self.fixtures)/opt-13b.yaml"], environment: ["GITHUB_ACTIONS": "true"])
        #expect(result.stdout.hasPrefix("::warning file=Tests/Fixtures/lint/opt-13b.yaml,line=5,col=13,endLine=5,endColumn=18,title=AC201 vocab-not-padded::"))
    }

    @Test func writesSARIFToAFile() throws {
        let path = NSTemporaryDirectory() + "archcalc-lint-\(getpid()).sarif"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Self.run(["lint", "--isolated", "--format", "sarif", "-o", path, "\(Self.fixtures)/opt-13b.yaml"])
        #expect(result.status == 1 && result.stdout.isEmpty)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"version\": \"2.1.0\"") && text.contains("\"ruleId\": \"AC101\""))
    }

    @Test func rulesListsAndExplains() throws {
        let list = try Self.run(["rules"])
        #expect(list.status == 0 && list.stdout.contains("AC103  error    heads-not-divisible-by-kv-heads"))
        let one = try Self.run(["rules", "AC103"])
        #expect(one.status == 0 && one.stdout.hasPrefix("AC103 heads-not-divisible-by-kv-heads (error; Attention geometry (AC1xx))"))
        #expect(one.stdout.contains("kv_heads: ↓6"))
        let unknown = try Self.run(["rules", "vocab-not-paded"])
        #expect(unknown.status == 2 && unknown.stderr.contains("did you mean vocab-not-padded?"))
        let markdown = try Self.run(["rules", "--format", "markdown"])
        #expect(markdown.stdout == (try String(contentsOfFile: Self.root + "/docs/rules.md", encoding: .utf8)))
        #expect(try Self.run(["rules", "--markdown"]).stdout == markdown.stdout, "the old flag still works")
    }
}
