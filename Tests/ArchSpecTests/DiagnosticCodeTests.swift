import Foundation
import Testing
@testable import ArchSpec

/// One typed vocabulary of diagnostic codes; lint claims the loader's checks by code; each shared check has one
/// implementation that the loader and its rule both call.
struct DiagnosticCodeTests {
    @Test func everyCodeReadsBackFromWhatOutputsPrint() {
        for problem in LoadProblem.allCases {
            #expect(DiagnosticCode(rawValue: problem.rawValue) == .load(problem))
        }
        for rule in RuleCatalog.descriptions {
            #expect(DiagnosticCode(rawValue: rule.code) == rule.diagnosticCode)
        }
        #expect(DiagnosticCode(rawValue: "cost-error") == .costError)
        #expect(DiagnosticCode(rawValue: "config") == .config)
        for check in SpecCheck.allCases {
            #expect(DiagnosticCode.check(check).rawValue == "inconsistent")
            #expect(DiagnosticCode.check(check).loadProblem == .inconsistent)
        }
        #expect(DiagnosticCode.rule("AC103").ruleCode == "AC103")
        #expect(DiagnosticCode.load(.unknownKey).ruleCode == nil)
    }

    @Test func sharedChecksHandWorked() {
        #expect(SpecChecks.headsDivisibleByKVHeads(heads: 32, kvHeads: 8) == nil)
        #expect(SpecChecks.headsDivisibleByKVHeads(heads: 32, kvHeads: 6)?.message
                == "attention.heads 32 is not divisible by attention.kv_heads 6; kv_heads must divide heads (1, 2, 4, 8, 16, 32)")
        #expect(SpecChecks.headsDivisibleByKVHeads(heads: 8, kvHeads: 16)?.keyPath == "attention.kv_heads")
        #expect(SpecChecks.topKWithinExperts(topK: 8, experts: 8) == nil)
        #expect(SpecChecks.topKWithinExperts(topK: 9, experts: 8)?.message == "moe.top_k 9 is larger than moe.experts 8")
        // DeepSeek-V3: 256 experts in 8 groups of 32, 4 groups chosen: 128 reachable, top_k 8.
        #expect(SpecChecks.expertGroups(experts: 256, groups: 8, chosen: 4, topK: 8) == nil)
        #expect(SpecChecks.expertGroups(experts: 60, groups: 8, chosen: nil, topK: 4)?.message
                == "moe.experts 60 is not divisible by moe.n_group 8")
        #expect(SpecChecks.expertGroups(experts: 64, groups: 8, chosen: 9, topK: 4)?.keyPath == "moe.topk_group")
        // 2 groups of 64 / 8 = 8 experts: 16 reachable.
        #expect(SpecChecks.expertGroups(experts: 64, groups: 8, chosen: 2, topK: 20)?.message
                == "moe.top_k 20 exceeds the 16 experts in 2 selected groups of 8")
        // DeepSeek-V3: 128 + 64 = 192.
        #expect(SpecChecks.mlaHeadDim(headDim: 192, nope: 128, rope: 64) == nil)
        #expect(SpecChecks.mlaHeadDim(headDim: 128, nope: 128, rope: 64)?.message
                == "attention.head_dim 128 differs from qk_nope_head_dim 128 + qk_rope_head_dim 64")
        #expect(SpecChecks.mlaHeadDim(headDim: 1, nope: Int.max, rope: 1) != nil)
    }

    static let topKTooLarge = llama3YAML + "\nmoe:\n  experts: 4\n  top_k: 5\n"

    @Test func theLoaderTagsItsCheckAndLintReportsItUnderTheRuleWithTheSameWords() throws {
        let loaded = load(Self.topKTooLarge)
        let loaderError = try #require(loaded.diagnostics.first { $0.code == .check(.topKWithinExperts) })
        #expect(loaderError.message == "moe.top_k 5 is larger than moe.experts 4")
        let report = LintFixtures.lint(text: Self.topKTooLarge)
        let finding = try #require(report.findings.first { $0.diagnostic.code == .rule("AC401") })
        #expect(finding.diagnostic.message == loaderError.message)
        #expect(finding.rule == TopKExceedsExpertsRule.description)
        #expect(finding.rule.summary == "moe.top_k is larger than moe.experts")
        #expect(report.findings.allSatisfy { $0.rule.diagnosticCode == $0.diagnostic.code })
    }

    /// Rules claim loader diagnostics by their typed code (and key), never by reading the message.
    @Test func noRuleClaimsByMessage() throws {
        let folder = Repository.path("Sources/ArchSpec/Lint/Rules")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".swift") {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            #expect(!text.contains("loaderDiagnostic.message"), "\(name) matches the loader's message")
        }
    }

    @Test func lintIOErrorsAreTyped() throws {
        let missing = "/nonexistent-\(UUID().uuidString).yaml"
        let run = try Linter.run(LintRequest(paths: [missing], isolated: true))
        #expect(run.ioErrors == [.missing(path: missing)])
        #expect(run.ioErrors.first?.path == missing)
        #expect(run.ioErrors.first?.description == "\(missing): no such file or directory")
    }
}

/// `estimate --prune-heads` in the library: one comparison per spec, typed errors for the rest.
struct HeadPruningRunTests {
    @Test func comparesEachSpecWithItsPrunedVersion() throws {
        let path = Repository.path("specs/llama-3-8b.yaml")
        let run = HeadPruningRun.run(paths: [path, path + ".missing"], request: .count(8), options: CostOptions())
        #expect(run.failed)
        #expect(run.items.count == 1)
        let comparison = try #require(run.items.first?.comparison)
        #expect(comparison.reports.count == 2)
        // 8 of 32 query heads go: 32 layers x 8 heads x 128 dims x 4096 hidden x 2 (q and o) = 268,435,456 fewer.
        #expect(comparison.reports[0].estimate.parameters.total - comparison.reports[1].estimate.parameters.total == 268_435_456)
        #expect(run.diagnostics.map(\.code) == [.load(.fileError)])
    }

    @Test func removingEveryHeadIsAPruneError() throws {
        let run = HeadPruningRun.run(paths: [Repository.path("specs/llama-3-8b.yaml")], request: .count(32), options: CostOptions())
        #expect(run.failed)
        #expect(run.items.isEmpty)
        #expect(run.diagnostics.map(\.code) == [.pruneError])
    }
}
