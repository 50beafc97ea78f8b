import Testing
@testable import ArchSpec

/// Large per-layer override lists lint in linear time: rules read the compressed plan and look layers up by
/// binary search, never walking the layers once per override.
@Suite struct LintPlanPerformanceTests {
    /// A spec of `layers` layers with override lists: `entries` attention_layers over a Mamba-2 pattern,
    /// entries / 2 full_layers over sliding attention, entries / 4 KV-sharing pairs from full to sliding attention
    /// layers (an AC110 finding) and entries / 4 dense_layer_indices for a MoE block (2.25 x entries YAML nodes).
    static func spec(layers: Int, entries: Int) -> String {
        func list(_ values: some Sequence<Int>) -> String { "[" + values.map(String.init).joined(separator: ", ") + "]" }
        let attention = (0..<entries).map { $0 * 4 }                          // every fourth layer runs attention
        let full = (0..<entries / 2).map { $0 * 8 }                           // half of them attend to the full context
        let pairs = (0..<entries / 4).map { ($0 * 8 + 4, $0 * 8) }            // a sliding layer reads a full one
        return """
            archspec: 1
            vocab_size: 32000
            hidden_size: 4096
            layers: \(layers)
            context_length: 131072
            layer_pattern: [mamba2]
            attention_layers: \(list(attention))
            attention:
              heads: 32
              kv_heads: 8
              sliding_window: 4096
              layer_pattern: [sliding]
              full_layers: \(list(full))
              kv_sharing: {layers: \(list(pairs.map(\.0))), sources: \(list(pairs.map(\.1)))}
            mlp: {intermediate_size: 11008}
            moe: {experts: 8, top_k: 2, dense_layer_indices: \(list((0..<entries / 4).map { $0 * 2 + 1 }))}
            ssm: {inner_size: 8192, state_size: 128, heads: 128, head_dim: 64}
            parallelism: {tensor: 8}
            """
    }

    /// The bound on a whole lint (compose, load, plan, rules). Debug builds run the composer, loader and plan
    /// builder unoptimised, several times slower; there the bound only rules out superlinear work.
    #if DEBUG
    static let wholeLintBound = 8.0
    #else
    static let wholeLintBound = 1.0
    #endif

    /// The context (and plan) of `text`, loaded with the default limits.
    static func context(_ text: String) -> LintContext {
        let result = SpecLoader.load(bytes: Array(text.utf8), file: "big.yaml")
        var settings = LintSettings()
        settings.enabled = Set(RuleCatalog.descriptions.map(\.code))
        return LintContext(file: "big.yaml", result: result, settings: settings)
    }

    /// 100,000-entry attention_layers (with 50,000 full_layers, 25,000 KV-sharing pairs and 25,000
    /// dense_layer_indices) over 400,000 layers: the whole file linter, and lint's own work, the rules alone.
    @Test func hundredThousandEntryOverrideListsLintFast() throws {
        let text = Self.spec(layers: 400_000, entries: 100_000)
        _ = FileLinter.lint(bytes: Array(Self.spec(layers: 400, entries: 100).utf8), file: "warm.yaml", settings: .default,
                            explicit: true)
        var report = FileReport(path: "", status: .skipped)
        // Thread CPU time, not wall time, so the bounds hold on a loaded machine (the linter runs on this thread).
        let whole = LintFindingCapTests.cpuSeconds {
            report = FileLinter.lint(bytes: Array(text.utf8), file: "big.yaml", settings: .default, explicit: true)
        }
        #expect(whole < Self.wholeLintBound, "took \(whole) s")
        let codes = report.findings.map(\.diagnostic.code)
        #expect(!codes.contains("AC003"))
        // The rules saw the plan: one KV-sharing finding counting all 25,000 mismatched pairs, no other error.
        #expect(!report.findings.contains { $0.diagnostic.severity == .error && $0.diagnostic.code != "AC110" },
                "\(report.findings.prefix(5).map(\.diagnostic.oneLine))")
        let sharing = report.findings.filter { $0.diagnostic.code == "AC110" }
        #expect(sharing.count == 1)
        #expect(sharing.first?.diagnostic.message.hasSuffix("(and 24999 more entries of attention.kv_sharing)") == true)

        let context = Self.context(text)
        #expect(context.plan != nil)
        let rules = LintFindingCapTests.cpuSeconds { _ = RuleRunner.findings(context) }
        #expect(rules < 0.5, "rules took \(rules) s")
    }

    /// Past the cap, the document is refused as AC003 once the composer has counted 250,000 nodes.
    @Test func listsPastTheNodeCapAreRefused() {
        let text = Self.spec(layers: 600_000, entries: 150_000)
        var report = FileReport(path: "", status: .skipped)
        let elapsed = LintLimitsTests.seconds {
            report = FileLinter.lint(bytes: Array(text.utf8), file: "big.yaml", settings: .default, explicit: true)
        }
        #expect(report.findings.map(\.diagnostic.code) == ["AC003"])
        #expect(elapsed < Self.wholeLintBound, "took \(elapsed) s")
    }
}
