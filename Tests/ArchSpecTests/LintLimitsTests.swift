import Testing
@testable import ArchSpec

#if canImport(Glibc)
import Glibc
#endif

/// Hostile inputs are refused fast, as findings: a 1 MiB alias bomb and a 50 MiB file.
@Suite struct LintLimitsTests {
    static func seconds(_ work: () throws -> Void) rethrows -> Double {
        var start = timespec(), end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        try work()
        clock_gettime(CLOCK_MONOTONIC, &end)
        return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    }

    /// A billion-laughs document padded to 1 MiB with comments.
    static func aliasBomb() -> [UInt8] {
        var text = "archspec: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = level == 1 ? "a" : "l\(level - 1)"
            text += "l\(level): &l\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let padding = "# " + String(repeating: "x", count: 98) + "\n"
        var bytes = Array(text.utf8)
        while bytes.count + padding.utf8.count <= 1 << 20 { bytes += Array(padding.utf8) }
        return bytes
    }

    @Test func aliasBombIsRefusedAsAFinding() {
        let bytes = Self.aliasBomb()
        #expect(bytes.count > 1_000_000)
        var report = FileReport(path: "", status: .skipped)
        let elapsed = Self.seconds {
            report = FileLinter.lint(bytes: bytes, file: "bomb.yaml", settings: .default, explicit: true)
        }
        #expect(report.findings.map(\.diagnostic.code) == ["AC003"])
        #expect(elapsed < 1.0, "took \(elapsed) s")
    }

    @Test func fiftyMebibyteFileIsRefusedWithoutReadingIt() throws {
        let path = "/tmp/archcalc-lint-50mib-\(getpid()).yaml"
        let descriptor = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
        #expect(descriptor >= 0)
        #expect(ftruncate(descriptor, 50 << 20) == 0)
        close(descriptor)
        defer { unlink(path) }
        var run: LintRun?
        let elapsed = try Self.seconds { run = try Linter.run(LintRequest(paths: [path], isolated: true)) }
        #expect(run?.findings.map(\.diagnostic.code) == ["AC003"])
        #expect(run?.ioErrors.isEmpty == true)
        #expect(elapsed < 1.0, "took \(elapsed) s")
    }

    @Test func deepNestingIsRefused() {
        let text = "archspec: 1\nx: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n"
        #expect(LintFixtures.lint(text: text).findings.map(\.diagnostic.code) == ["AC003"])
    }

    @Test func binaryInputIsASyntaxFinding() {
        let report = FileLinter.lint(bytes: [0x61, 0x00, 0xFF], file: "b.yaml", settings: .default, explicit: true)
        #expect(report.findings.map(\.diagnostic.code) == ["AC001"])
    }
}

/// Extreme sizes produce findings, never traps.
@Suite struct LintExtremeValueTests {
    @Test func hugeSizesDoNotTrap() {
        let max = Int.max
        let spec = """
            archspec: 1
            vocab_size: \(max)
            hidden_size: \(max - 1)
            layers: \(max)
            context_length: \(max)
            attention: {heads: \(max), kv_heads: \(max - 2), head_dim: \(max)}
            mlp: {intermediate_size: \(max)}
            moe: {experts: \(max), top_k: \(max), n_group: \(max - 1), topk_group: \(max)}
            parallelism: {tensor: \(max), pipeline: \(max - 3), expert: 3}
            position: {kind: rope, rope_scaling: {type: yarn, factor: 1e300, original_context_length: \(max)}}
            """
        var settings = LintSettings()
        settings.enabled = Set(RuleCatalog.descriptions.map(\.code))
        settings.parallelism.tensor = [ParallelDegree(value: max - 5, origin: "--tp")]
        let report = LintFixtures.lint(text: spec, settings: settings)
        #expect(!report.findings.isEmpty)
        #expect(HiddenNotDivisibleByHeadsRule.decimal(max - 1, max) == "0.99")
    }
}
