/// The outcome of `archcalc estimate --prune-heads`: each spec estimated before and after pruning.
public struct PruningRun: Sendable {
    /// One spec before and after pruning.
    public struct Pair: Sendable {
        /// The spec as written.
        public var baseline: EstimateReport
        /// The spec with the heads removed.
        public var pruned: EstimateReport
        /// What pruning did (heads before and after, per layer).
        public var summary: HeadPruning.Summary
    }

    /// One pair per spec that could be loaded and pruned, in argument order.
    public var pairs: [Pair] = []
    /// Every problem found, in argument order.
    public var diagnostics: [Diagnostic] = []
    /// Whether any spec could not be loaded, pruned or estimated.
    public var failed = false

    /// Loads each path, prunes its heads and estimates both versions.
    ///
    /// - Parameters:
    ///   - paths: Spec files (`-` for standard input).
    ///   - request: How many heads to remove per layer.
    ///   - options: Workload and conventions for both estimates.
    /// - Returns: The pairs and diagnostics; never throws.
    public static func run(paths: [String], request: HeadPruning.Request, options: CostOptions) -> PruningRun {
        var run = PruningRun()
        for path in paths {
            let loaded = SpecLoader.load(path: path)
            run.diagnostics += loaded.diagnostics
            guard let spec = loaded.spec else {
                run.failed = true
                continue
            }
            do {
                let (pruned, summary) = try HeadPruning.prune(spec, request)
                run.pairs.append(Pair(
                    baseline: EstimateReport(estimate: try CostModel.estimate(spec, options: options), source: path),
                    pruned: EstimateReport(estimate: try CostModel.estimate(pruned, options: options), source: path),
                    summary: summary))
            } catch {
                run.failed = true
                run.diagnostics.append(Diagnostic(
                    severity: .error, code: "prune-error", message: "\(error)", file: path, location: nil))
            }
        }
        return run
    }
}
