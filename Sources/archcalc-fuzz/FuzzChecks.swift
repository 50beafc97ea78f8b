import ArchSpec

/// What every input must survive, with invariants that trap (so the fuzzer reports them) when broken.
enum FuzzChecks {
    static func run(_ bytes: [UInt8]) {
        let result = SpecLoader.load(bytes: bytes, file: "fuzz.yaml")
        for diagnostic in result.diagnostics {
            // Diagnostics are one line: control characters from the input must be escaped.
            precondition(!diagnostic.oneLine.contains("\n"), "multi-line diagnostic: \(diagnostic.oneLine)")
            precondition(diagnostic.location.map { $0.line >= 1 && $0.column >= 1 } ?? true, "bad location")
        }
        precondition((result.spec == nil) == result.hasErrors, "a spec must load exactly when there is no error")
        guard let spec = result.spec else { return }
        for options in [CostOptions(), CostOptions(context: 1, batch: 3, attentionFlops: .full, logits: .all)] {
            guard let estimate = try? CostModel.estimate(spec, options: options) else { continue }
            let p = estimate.parameters
            precondition(p.embedding + p.position + p.attention + p.mlp + p.norm + p.lmHead == p.total,
                         "components do not sum to the total")
            precondition(p.active <= p.total && p.active > 0, "active parameters out of range")
            precondition(estimate.flops.decode.total == estimate.flops.decode.linear + estimate.flops.decode.attention)
            let report = EstimateReport(estimate: estimate, source: "fuzz.yaml")
            for format in EstimateFormat.allCases { _ = format.renderer(exact: true).render([report]) }
        }
    }
}
