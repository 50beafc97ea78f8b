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
                    severity: .error, code: .costError, message: error.description, file: path, location: nil))
            }
        }
        return run
    }
}
