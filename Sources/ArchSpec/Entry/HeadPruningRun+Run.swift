extension HeadPruningRun {
    /// Loads each path, prunes it and estimates both versions; never throws.
    ///
    /// - Parameters:
    ///   - paths: Spec files, as `Estimator.run` reads them.
    ///   - request: How many heads to remove per layer.
    ///   - options: Workload and conventions, the same for both versions.
    public static func run(paths: [String], request: HeadPruning.Request, options: CostOptions) -> HeadPruningRun {
        var run = HeadPruningRun(items: [], diagnostics: [], failed: false)
        for path in paths {
            let loaded = SpecLoader.load(path: path)
            run.diagnostics += loaded.diagnostics
            guard let spec = loaded.spec else { run.failed = true; continue }
            do {
                let (pruned, summary) = try HeadPruning.prune(spec, request)
                let reports = [EstimateReport(estimate: try CostModel.estimate(spec, options: options), source: path),
                               EstimateReport(estimate: try CostModel.estimate(pruned, options: options), source: path)]
                let basis: ContextBasis = options.context == nil ? .specContextLength : .requested
                run.items.append(Item(source: path, summary: summary,
                                      comparison: Comparison(reports: reports, basis: basis, notes: [summary.description])))
            } catch let failure as HeadPruning.Failure {
                run.failed = true
                run.diagnostics.append(Diagnostic(severity: .error, code: .pruneError, message: failure.description,
                                                  file: path, location: nil))
            } catch {
                run.failed = true
                run.diagnostics.append(Diagnostic(severity: .error, code: .costError, message: "\(error)", file: path,
                                                  location: nil))
            }
        }
        return run
    }
}
