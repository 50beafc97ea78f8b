/// The outcome of estimating several spec files: reports for the ones that loaded, diagnostics for the rest.
public struct EstimationRun: Sendable {
    /// One report per spec that could be estimated, in argument order.
    public var reports: [EstimateReport]
    /// Every problem found, in argument order; warnings may accompany a report.
    public var diagnostics: [Diagnostic]
    /// Whether any spec could not be estimated.
    public var failed: Bool
    /// Checkpoints whose architecture could not be recovered: their counts, without an estimate.
    public var unrecovered: [CheckpointSummary] = []

    public init(reports: [EstimateReport], diagnostics: [Diagnostic] = [], failed: Bool = false,
                unrecovered: [CheckpointSummary] = []) {
        self.reports = reports
        self.diagnostics = diagnostics
        self.failed = failed
        self.unrecovered = unrecovered
    }
}

/// The library entry point behind `archcalc estimate`: load each spec, then run the cost model.
public enum Estimator {
    /// Loads and estimates each path.
    ///
    /// - Parameters:
    ///   - paths: Spec files (`-` for standard input), archspec YAML or Hugging Face `config.json`.
    ///   - options: Workload and conventions; a `nil` context means each spec's own context length.
    /// - Returns: Reports and diagnostics; never throws.
    public static func run(paths: [String], options: CostOptions) -> EstimationRun {
        var run = EstimationRun(reports: [], diagnostics: [], failed: false)
        for path in paths {
            let loaded = SpecLoader.load(path: path)
            run.diagnostics += loaded.diagnostics
            guard let spec = loaded.spec else {
                run.failed = true
                if let checkpoint = loaded.checkpoint { run.unrecovered.append(checkpoint) }
                continue
            }
            do {
                let estimate = try CostModel.estimate(spec, options: options)
                run.reports.append(EstimateReport(estimate: estimate, source: path, checkpoint: loaded.checkpoint))
            } catch {
                run.failed = true
                run.diagnostics.append(Diagnostic(
                    severity: .error, code: "cost-error", message: error.description, file: path, location: nil))
            }
        }
        return run
    }
}
