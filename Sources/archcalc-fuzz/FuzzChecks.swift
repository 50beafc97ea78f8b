import ArchSpec
import Foundation

/// What every input must survive, with invariants that trap (so the fuzzer reports them) when broken.
enum FuzzChecks {
    static func run(_ bytes: [UInt8]) {
        FuzzBudget.check(size: bytes.count, label: "spec load and estimate") { checkSpec(bytes) }
        FuzzBudget.check(size: bytes.count, label: "lint") { checkLint(bytes) }
        FuzzBudget.check(size: bytes.count, label: "checkpoint readers") { FuzzCheckpoint.run(bytes) }
        // The same bytes as a lint configuration file: an error is fine, a trap is not.
        FuzzBudget.check(size: bytes.count, label: "lint configuration") {
            _ = try? ConfigReader.read(bytes, file: ".archcalc.yaml", directory: "/fuzz")
        }
        FuzzBudget.check(size: bytes.count, label: "glob matching") { FuzzGlobChecks.run(bytes) }
        // The same bytes as a hardware profile: a located error or a profile, never a trap.
        FuzzBudget.check(size: bytes.count, label: "hardware profile") {
            _ = try? HardwareLoader.parse(String(decoding: bytes, as: UTF8.self), path: "fuzz-hardware.yaml")
        }
    }

    static func checkLint(_ bytes: [UInt8]) {
        let report = FileLinter.lint(bytes: bytes, file: "fuzz.yaml", settings: .default, explicit: true)
        for finding in report.findings {
            let d = finding.diagnostic
            precondition(!d.message.contains("\n"), "multi-line lint message: \(d.message)")
            precondition(d.location.map { $0.line >= 1 && $0.column >= 1 } ?? true, "bad lint location")
            precondition(RuleCatalog.descriptions.contains { $0.diagnosticCode == d.code } && finding.rule.diagnosticCode == d.code, "finding with unknown code \(d.code)")
        }
        // Every output format stays well formed whatever the file contains.
        let run = LintRun(files: [report], ioErrors: [], failOn: nil)
        for format in LintFormat.allCases {
            let text = format.renderer(toolVersion: "fuzz").render(run)
            if format == .json || format == .sarif {
                precondition((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil, "invalid \(format) output")
            }
            if format == .github {
                // One workflow command per finding, then the summary line: an unescaped newline would split one.
                let lines = text.split(separator: "\n")
                precondition(lines.dropLast().allSatisfy { $0.hasPrefix("::") }, "github annotation split: \(text)")
                precondition(lines.count == report.findings.count + 1, "github annotations do not match findings")
            }
        }
    }

    static func checkSpec(_ bytes: [UInt8]) {
        let result = SpecLoader.load(bytes: bytes, file: "fuzz.yaml")
        for diagnostic in result.diagnostics {
            // Diagnostics are one line: control characters from the input must be escaped.
            precondition(!diagnostic.oneLine.contains("\n"), "multi-line diagnostic: \(diagnostic.oneLine)")
            precondition(diagnostic.location.map { $0.line >= 1 && $0.column >= 1 } ?? true, "bad location")
        }
        precondition((result.spec == nil) == result.hasErrors, "a spec must load exactly when there is no error")
        guard let spec = result.spec else { return }
        for (index, options) in [CostOptions(), CostOptions(context: 1, batch: 3, attentionFlops: .full, logits: .all)].enumerated() {
            guard let estimate = try? CostModel.estimate(spec, options: options) else { continue }
            let p = estimate.parameters
            precondition(p.embedding + p.position + p.attention + p.ssm + p.mlp + p.norm + p.lmHead == p.total,
                         "components do not sum to the total")
            precondition(p.active <= p.total && p.active > 0, "active parameters out of range")
            let decode = estimate.flops.decode, prefill = estimate.flops.prefill
            precondition(decode.total == decode.linear + decode.attention + decode.recurrent)
            precondition(prefill.total == prefill.linear + prefill.attention + prefill.recurrent)
            precondition(estimate.kvCache.stateBytes == estimate.kvCache.stateBytesPerSequence * Int128(options.batch))
            // The plan's layer counts cover every layer exactly once.
            if let plan = try? spec.plan { precondition(plan.kindCounts.reduce(0, +) == spec.layers) }
            let report = EstimateReport(estimate: estimate, source: "fuzz.yaml")
            FuzzRenderChecks.run(spec, report: report, sizing: index == 0)
        }
    }
}
