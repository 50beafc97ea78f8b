import Testing
@testable import ArchSpec

/// Large per-layer override lists lint in linear time: rules read the compressed plan and look layers up by
/// binary search, never walking the layers once per override.
@Suite struct LintPlanPerformanceTests {
    /// A spec of `layers` layers with override lists of `entries` entries each: attention_layers over a Mamba-2
    /// pattern, full_layers over sliding attention, KV sharing from full to sliding attention layers (an AC110
    /// finding), and dense_layer_indices for a MoE block.
    static func spec(layers: Int, entries: Int) -> String {
        func list(_ values: some Sequence<Int>) -> String { "[" + values.map(String.init).joined(separator: ", ") + "]" }
        let attention = (0..<entries).map { $0 * 4 }                          // every fourth layer runs attention
        let full = (0..<entries / 2).map { $0 * 8 }                           // half of them attend to the full context
        let pairs = (0..<entries / 2).map { ($0 * 8 + 4, $0 * 8) }            // a sliding layer reads a full one
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
            moe: {experts: 8, top_k: 2, dense_layer_indices: \(list((0..<entries).map { $0 * 2 + 1 }))}
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

    /// Loads with a node budget that admits the lists; the context builds the plan.
    static func context(_ text: String) -> LintContext {
        var limits = YAMLLimits()
        limits.maxNodes = 1_000_000
        limits.maxBytes = 16 << 20
        let result = SpecLoader.load(bytes: Array(text.utf8), file: "big.yaml", limits: limits)
        var settings = LintSettings()
        settings.enabled = Set(RuleCatalog.descriptions.map(\.code))
        return LintContext(file: "big.yaml", result: result, settings: settings)
    }

    /// Lint's own work, every rule over 100,000-entry lists, takes well under a second even unoptimised.
    @Test func rulesOverHundredThousandEntryListsTakeUnderASecond() throws {
        var context: LintContext?
        let whole = LintLimitsTests.seconds { context = Self.context(Self.spec(layers: 400_000, entries: 100_000)) }
        let built = try #require(context)
        #expect(built.plan != nil)
        var findings: [Diagnostic] = []
        let rules = LintLimitsTests.seconds { findings = RuleRunner.findings(built) }
        #expect(rules < 0.5, "rules took \(rules) s")
        #expect(whole + rules < Self.wholeLintBound, "loading and planning took \(whole) s, rules \(rules) s")
        // The rules saw the plan: one KV-sharing finding counting all 50,000 mismatched pairs, no other error.
        #expect(!findings.contains { $0.severity == .error && $0.code != "AC110" }, "\(findings.prefix(5).map(\.oneLine))")
        let sharing = findings.filter { $0.code == "AC110" }
        #expect(sharing.count == 1)
        #expect(sharing.first?.message.hasSuffix("(and 49999 more entries of attention.kv_sharing)") == true)
    }

    /// Under the default 100,000-node cap, the same shape (24,000-entry lists) goes through the whole file linter.
    @Test func overrideListsUnderTheNodeCapLintFast() {
        let text = Self.spec(layers: 100_000, entries: 24_000)
        var report = FileReport(path: "", status: .skipped)
        let elapsed = LintLimitsTests.seconds {
            report = FileLinter.lint(bytes: Array(text.utf8), file: "big.yaml", settings: .default, explicit: true)
        }
        #expect(elapsed < Self.wholeLintBound, "took \(elapsed) s")
        #expect(report.findings.map(\.diagnostic.code).contains("AC110"))
        #expect(!report.findings.map(\.diagnostic.code).contains("AC003"))
    }

    /// Past the cap, the document is refused as AC003 once the composer has counted 100,000 nodes.
    @Test func listsPastTheNodeCapAreRefused() {
        let text = Self.spec(layers: 400_000, entries: 100_000)
        var report = FileReport(path: "", status: .skipped)
        let elapsed = LintLimitsTests.seconds {
            report = FileLinter.lint(bytes: Array(text.utf8), file: "big.yaml", settings: .default, explicit: true)
        }
        #expect(report.findings.map(\.diagnostic.code) == ["AC003"])
        #expect(elapsed < Self.wholeLintBound, "took \(elapsed) s")
    }
}
