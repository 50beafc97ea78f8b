import Foundation
import Testing

/// `archcalc recommend` end to end: answers, exit codes, formats, the chart and every kind of bad input.
@Suite struct RecommendCommandTests {
    static let base = ["recommend", "specs/llama-3.1-8b.yaml", "--hardware", "h100-sxm", "--input-len", "2k",
                       "--output-len", "256", "--ttft-p90", "1s", "--tpot-p90", "20ms"]

    static func run(_ extra: [String], base: [String] = base) throws -> CLIResult { try CLI.run(base + extra) }

    @Test func llamaOnH100FindsTheSmallestDeployment() throws {
        let result = try Self.run(["--rate", "100", "--price", "2.5"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("smallest deployment meeting the targets: "))
        #expect(result.stdout.contains("smaller deployments that fail:"))
        #expect(result.stdout.contains("Pareto frontier at saturation"))
        #expect(result.stdout.contains("per 1M output tokens"))
    }

    /// Without --pp the CLI widens pp when no tp holds DeepSeek-V3's bf16 weights on H100s; a given --pp is kept
    /// (and at tp 8 x pp 2 only fp8 fits: the hint says so).
    @Test func ppIsWidenedOnlyWhenNotGiven() throws {
        let deepseek = ["recommend", "specs/deepseek-v3.yaml", "--hardware", "h100-sxm", "--rate", "1", "--input-len",
                        "2k", "--output-len", "256", "--tp", "8", "--dp", "1", "--chunk", "512"]
        let widened = try Self.run([], base: deepseek)
        #expect(widened.stdout.contains("\nwidened    pp widened to 1..8: no tp up to 8 holds 1.22 TiB of bf16 weights on h100-sxm\n"),
                "\(widened.stdout)")
        let given = try Self.run(["--pp", "2"], base: deepseek)
        #expect(given.status == 1)
        #expect(!given.stdout.contains("widened"))
        #expect(given.stdout.contains("hint: no layout searched holds bf16 weights on h100-sxm; fp8 weights fit"))
    }

    /// The text report is a golden file: ARCHCALC_RECORD_GOLDENS=1 swift test --filter RecommendCommandTests
    /// writes it again.
    @Test func textReportMatchesItsGoldenFile() throws {
        let result = try Self.run(["--rate", "40", "--tp", "1,2", "--chunk", "512,2048", "--price", "h100-sxm=2.5"])
        let path = CLI.path("Tests/Fixtures/serving/llama-3.1-8b-h100.txt")
        if ProcessInfo.processInfo.environment["ARCHCALC_RECORD_GOLDENS"] == "1" {
            try Data(result.stdout.utf8).write(to: URL(fileURLWithPath: path))
        }
        #expect(result.stdout == (try String(contentsOfFile: path, encoding: .utf8)))
    }

    @Test func jsonHasAVersionAndSnakeCaseKeys() throws {
        let result = try Self.run(["--rate", "40", "--tp", "1", "--chunk", "2048", "--format", "json", "--mode", "both"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let best = try #require(object["best"] as? [String: Any])
        #expect(best["devices"] as? Int != nil)
        #expect((object["alternatives"] as? [Any])?.count == 2)
        var keys: [String] = []
        func collect(_ value: Any) {
            if let dictionary = value as? [String: Any] {
                for (key, child) in dictionary { keys.append(key); collect(child) }
            } else if let array = value as? [Any] { array.forEach(collect) }
        }
        collect(object)
        let bad = keys.filter { key in !(key == "*" || key.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" }) }
        #expect(bad.isEmpty, "keys not in snake_case: \(bad)")
    }

    @Test func unreachableTargetsExitOneAndSayWhy() throws {
        let result = try Self.run(["--rate", "4", "--ttft-p50", "1ms", "--tp", "1,8", "--chunk", "512"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("no deployment meets the targets within 1,024 devices; why:"))
        #expect(result.stdout.contains("TTFT p50"))
    }

    @Test(arguments: [
        (["--rate", "0"], "request rate must be above 0"),
        (["--rate", "1e12"], "is beyond the"),
        (["--rate", "fast"], "is not a request rate"),
        (["--rate", "4", "--input-len", "200k"], "beyond the model's context_length 131072"),
        (["--rate", "4", "--input-len", "normal:2k"], "expected two values"),
        (["--rate", "4", "--output-len", "zipf:3"], "unknown distribution"),
        (["--rate", "4", "--ttft-p90", "soon"], "is not a positive duration"),
        (["--rate", "4", "--tp", "0"], "give values in 1...1024"),
        (["--rate", "4", "--max-gpus", "0"], "GPU budget must be in"),
        (["--rate", "4", "--prefix-hit", "2"], "is not a share in 0..<1"),
        (["--rate", "4", "--price", "h100=free"], "dollars per device-hour"),
        (["--rate", "4", "--dtype", "bf16,fp7"], "use fp32, bf16, fp16, fp8, int8 or int4"),
        (["--rate", "4", "--kv-transfer-bandwidth", "fast"], "is not a positive bandwidth"),
        (["--rate", "4", "--chunk", "8..2"], "give values in 1...16777216"),
    ])
    func badInputIsAUsageError(_ extra: [String], _ message: String) throws {
        let result = try Self.run(extra)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// Values are checked while the command line is parsed, before any file is read: a bad value is named even
    /// when the spec does not exist, with the option it was given to.
    @Test func valuesAreCheckedAtParseTime() throws {
        let result = try CLI.run(["recommend", "no-such-spec.yaml", "--hardware", "h100-sxm", "--rate", "fast",
                                  "--input-len", "2k", "--output-len", "256"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("'--rate <rate>'"), "\(result.stderr)")
        #expect(result.stderr.contains("is not a request rate"))
        #expect(!result.stderr.contains("no-such-spec.yaml"))
    }

    @Test func noCandidatesAndUnknownHardwareAreUsageErrors() throws {
        let none = try CLI.run(["recommend", "specs/llama-3.1-8b.yaml", "--rate", "4", "--input-len", "2k", "--output-len", "256"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("no hardware candidates"))
        let unknown = try Self.run(["--rate", "4", "--hardware", "h1000"])
        #expect(unknown.status == 2)
    }

    @Test func aBillionDeviceBudgetAnswersInBoundedTime() throws {
        let start = Date()
        let result = try Self.run(["--rate", "1e6", "--max-gpus", "1000000000", "--tp", "1,8", "--chunk", "8k"])
        #expect(result.status == 0 || result.status == 1)
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(result.stdout.contains("budget 1,000,000,000 devices"))
    }

    @Test func plotWritesTheFrontierChart() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("archcalc-recommend-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let svg = directory.appendingPathComponent("frontier.svg").path
        let result = try Self.run(["--rate", "40", "--tp", "1,2", "--chunk", "2048", "--plot", svg])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.contains("id=\"frontier\""))
        #expect(text.contains("id=\"recommended\""))
        let png = try Self.run(["--rate", "40", "--plot", directory.appendingPathComponent("x.png").path])
        #expect(png.status == 2)
        #expect(png.stderr.contains("--plot writes SVG"))
    }

    @Test func disaggregatedModeListsBothPools() throws {
        let result = try Self.run(["--rate", "40", "--tp", "1", "--chunk", "2048", "--mode", "disaggregated",
                                   "--kv-transfer-bandwidth", "400Gb/s"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  replicas         prefill: 2 x h100-sxm tp 1 x pp 1"))
        #expect(result.stdout.contains("decode: "))
        #expect(result.stdout.contains("KV transfer of a median prompt"))
    }

    @Test func rooflineTimingAndDistributionsAreAccepted() throws {
        let result = try Self.run(["--rate", "10", "--tp", "1", "--chunk", "2048", "--timing", "roofline",
                                   "--input-len", "lognormal:1500,0.6", "--output-len", "uniform:64..512", "--prefix-hit", "30%",
                                   "--dtype", "bf16,fp8", "--kv-dtype", "fp8"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("input lognormal:1500,0.6, output uniform:64..512, prefix-cache hit 30%"))
        #expect(result.stdout.contains("bf16, fp8"))
    }

    @Test(arguments: ["specs/qwen3-30b-a3b.yaml", "specs/deepseek-v3.yaml", "specs/jamba-v0.1.yaml",
                      "specs/qwen3-next-80b-a3b.yaml"])
    func moeMLAAndHybridSpecsAreAnswered(_ spec: String) throws {
        let result = try CLI.run(["recommend", spec, "--hardware", "h200", "--rate", "4", "--input-len", "2k",
                                  "--output-len", "256", "--ttft-p90", "2s", "--tpot-p90", "50ms", "--pp", "1,2",
                                  "--chunk", "2048"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("smallest deployment meeting the targets"))
    }
}
