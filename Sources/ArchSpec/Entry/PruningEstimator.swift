/// The outcome of `estimate --prune-heads`: for each spec that loaded, the estimate before and after pruning
/// side by side, and every problem met.
public struct PruningRun: Sendable {
    /// One comparison per spec (before, after; the note says what was pruned), in argument order.
    public var comparisons: [Comparison]
    /// Loading problems, and one error per spec that could not be pruned or estimated, in argument order.
    public var diagnostics: [Diagnostic]
    /// Whether any spec could not be compared.
    public var failed: Bool
}

/// The library entry point behind `archcalc estimate --prune-heads`: load each spec, prune its attention heads,
/// estimate both.
public enum PruningEstimator {
    /// Loads, prunes and estimates each path.
    ///
    /// - Parameters:
    ///   - paths: Spec files (`-` for standard input), Hugging Face configs or checkpoints.
    ///   - request: How many heads to remove.
    ///   - options: Workload and conventions, the same for both estimates.
    /// - Returns: Comparisons and diagnostics; never throws.
    public static func run(paths: [String], request: HeadPruning.Request, options: CostOptions) -> PruningRun {
        var run = PruningRun(comparisons: [], diagnostics: [], failed: false)
        for path in paths {
            let loaded = SpecLoader.load(path: path)
            run.diagnostics += loaded.diagnostics
            guard let spec = loaded.spec else {
                run.failed = true
                continue
            }
            do {
                let (pruned, summary) = try HeadPruning.prune(spec, request)
                let reports = [EstimateReport(estimate: try CostModel.estimate(spec, options: options), source: path),
                               EstimateReport(estimate: try CostModel.estimate(pruned, options: options), source: path)]
                let basis: ContextBasis = options.context == nil ? .specContextLength : .requested
                run.comparisons.append(Comparison(reports: reports, basis: basis, notes: [summary.description]))
            } catch let failure as HeadPruning.Failure {
                run.failed = true
                run.diagnostics.append(Diagnostic(severity: .error, code: .pruneError, message: failure.description,
                                                  file: path, location: nil))
            } catch {
                run.failed = true
                run.diagnostics.append(Diagnostic(severity: .error, code: .costError, message: "\(error)",
                                                  file: path, location: nil))
            }
        }
        return run
    }
}
