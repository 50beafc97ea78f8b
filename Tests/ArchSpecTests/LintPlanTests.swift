import Foundation
import Testing
@testable import ArchSpec

/// Lint on the layer plan: hybrid models lint without false findings, the loader's per-layer checks surface
/// located, attention rules skip models without attention, and large override lists lint in linear time.
@Suite struct LintPlanTests {
    /// Archspec files of real hybrid, windowed and chunked models (Tests/Fixtures/lint/plan).
    static let hybridFixtures = [
        "bamba-9b", "falcon-h1-7b", "gemma-3-4b", "gpt-oss-20b", "granite-4.0-h-tiny", "jamba-v0.1",
        "llama-4-scout-text", "mamba-codestral-7b", "minimax-text-01", "nemotron-nano-9b-v2", "qwen3-next-80b-a3b",
    ]

    static func settings(tp: [Int] = []) -> LintSettings {
        var settings = LintSettings()
        settings.parallelism.tensor = tp.map { ParallelDegree(value: $0, origin: "--tp") }
        return settings
    }

    @Test(arguments: hybridFixtures)
    func hybridModelsLintWithoutErrorsOrWarnings(name: String) throws {
        let report = try LintFixtures.lint("plan/\(name).yaml")
        let loud = report.findings.filter { $0.diagnostic.severity >= .warning }
        #expect(loud.isEmpty, "\(loud.map(\.diagnostic.oneLine))")
        #expect(try #require(SpecLoader.load(path: LintFixtures.path("plan/\(name).yaml")).spec).layers > 0)
    }

    /// At TP 8 the only findings are the real ones: Falcon-H1 and Granite have 12 attention heads.
    @Test func hybridModelsAtTP8ReportOnlyRealProblems() throws {
        for name in Self.hybridFixtures {
            let report = try LintFixtures.lint("plan/\(name).yaml", settings: Self.settings(tp: [8]))
            let errors = report.findings.filter { $0.diagnostic.severity == .error }.map(\.diagnostic.code)
            let expected: [DiagnosticCode] = ["falcon-h1-7b", "granite-4.0-h-tiny"].contains(name) ? ["AC301"] : []
            #expect(errors == expected, "\(name): \(report.findings.map(\.diagnostic.oneLine))")
        }
    }

    /// Every Hugging Face reference config the importer reads (dense, MoE, MLA, windowed, chunked and hybrid
    /// models) lints without errors; the warnings are real (unpadded vocabularies, AFM's yarn factor 20 against
    /// 65536 / 4096, Phi-3.5-MoE's window equal to its context) or the importer's own.
    @Test func hfReferenceConfigsLintWithoutFalseFindings() throws {
        let directory = LintFixtures.root + "/Tests/Fixtures/hf/reference"
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        let configs = names.filter { $0.hasSuffix(".json") && $0 != "EXPECTED.json" }.sorted().map { "\(directory)/\($0)" }
        #expect(configs.count >= 70, "\(configs.count)")
        let allowed: Set = ["AC006", "AC011", "AC102", "AC106", "AC201", "AC503", "AC505"]
        for path in configs {
            let report = FileLinter.lint(bytes: try FileInput.read(path), file: path, settings: .default, explicit: true)
            let findings = report.findings.map(\.diagnostic)
            if findings.contains(where: { $0.code == "AC011" && $0.severity == .error }) { continue }  // lfm2: not imported
            #expect(findings.allSatisfy { allowed.contains($0.code.rawValue) && $0.severity != .error }, "\(findings.map(\.oneLine))")
        }
    }

    /// A model without attention layers gets no attention-geometry findings, whatever attention.heads says.
    @Test func attentionRulesSkipModelsWithoutAttention() throws {
        let report = try LintFixtures.lint("plan/mamba-codestral-7b.yaml", settings: Self.settings(tp: [3]))
        let codes = Set(report.findings.map(\.diagnostic.code))
        #expect(codes.isDisjoint(with: ["AC101", "AC102", "AC104", "AC105", "AC106", "AC107", "AC301", "AC302", "AC303"]))
        // The state-space mixer's own split is checked instead: 128 heads and 8 groups do not divide by 3.
        #expect(report.findings.filter { $0.diagnostic.code == "AC308" }.map(\.diagnostic.keyPath) == ["ssm.heads", "ssm.groups"])
    }

    /// The docs' example (docs/lint.md, "Hybrid and per-layer models").
    @Test func hybridProblemsFixtureReportsEachProblem() throws {
        let report = try LintFixtures.lint("hybrid-problems.yaml")
        #expect(report.findings.map(\.diagnostic.code) == ["AC109", "AC109", "AC204", "AC308", "AC308", "AC604"])
        #expect(report.findings.map(\.diagnostic.keyPath) == [
            "attention.sinks", "attention.sliding_window", "ssm.state_size", "ssm.heads", "ssm.groups", "state_dtype",
        ])
    }

    /// Per-layer lists of the wrong length are the loader's errors: AC012, with its message, at the list.
    @Test(arguments: [
        ("attention.heads", "attention: {heads: [32, 32, 32], head_dim: 128}\nmlp: {intermediate_size: 11008}", 6, 20),
        ("attention.kv_heads", "attention: {heads: 32, kv_heads: [8, 8, 8]}\nmlp: {intermediate_size: 11008}", 6, 34),
        ("mlp.intermediate_size", "attention: {heads: 32}\nmlp: {intermediate_size: [11008]}", 7, 26),
        ("layer_types", "attention: {heads: 32}\nmlp: {intermediate_size: 11008}\nlayer_types: [attention, attention, attention]", 8, 14),
        ("mlp.layer_types", "attention: {heads: 32}\nmlp: {intermediate_size: 11008, layer_types: [dense]}", 7, 46),
        ("attention.layer_types", "attention: {heads: 32, layer_types: [full, full, full]}\nmlp: {intermediate_size: 11008}", 6, 37),
    ])
    func perLayerListLengthIsALocatedFinding(path: String, body: String, line: Int, column: Int) {
        let text = "archspec: 1\nvocab_size: 32000\nhidden_size: 4096\nlayers: 2\ncontext_length: 4096\n" + body
        let findings = LintFixtures.lint(text: text).findings.map(\.diagnostic).filter { $0.severity == .error }
        let count = path == "mlp.intermediate_size" || path == "mlp.layer_types" ? 1 : 3
        let message = "\(path) has \(count) \(count == 1 ? "entry" : "entries"), but layers is 2: give one per layer"
        #expect(findings.map(\.code) == ["AC012"], "\(findings.map(\.oneLine))")
        #expect(findings.first?.message == message)
        #expect(findings.first?.location == SourceLocation(line: line, column: column))
        #expect(findings.first?.keyPath == path)
    }

    /// ssm and linear_attention sections that no layer uses are the loader's errors, at the section.
    @Test func unusedRecurrentSectionsAreLocatedFindings() {
        let base = "archspec: 1\nvocab_size: 32000\nhidden_size: 4096\nlayers: 2\ncontext_length: 4096\n"
            + "attention: {heads: 32}\nmlp: {intermediate_size: 11008}\n"
        let ssm = LintFixtures.lint(text: base + "ssm: {inner_size: 8192, state_size: 16}").findings.map(\.diagnostic)
        #expect(ssm.map(\.code) == ["AC012"])
        #expect(ssm.first?.message == "ssm is set but no layer is a mamba or mamba2 layer (layer_pattern or layer_types)")
        #expect(ssm.first?.location == SourceLocation(line: 8, column: 6))
        let linear = LintFixtures.lint(text: base + "linear_attention: {kind: lightning, key_heads: 32, key_head_dim: 128}")
            .findings.map(\.diagnostic)
        #expect(linear.map(\.code) == ["AC012"])
        #expect(linear.first?.message.hasPrefix("linear_attention is set but no layer is a linear_attention layer") == true)
        #expect(linear.first?.location == SourceLocation(line: 8, column: 19))
    }
}
