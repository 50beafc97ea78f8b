/// The outcome of `archcalc estimate --prune-heads`: each spec against its pruned version.
public struct HeadPruningRun: Sendable {
    /// One spec and its pruned version.
    public struct Item: Sendable {
        /// The spec file as the user named it.
        public var source: String
        /// What pruning did.
        public var summary: HeadPruning.Summary
        /// The unpruned estimate first, the pruned one second; the note states what pruning did.
        public var comparison: Comparison
    }

    /// One item per spec that could be pruned and estimated, in argument order.
    public var items: [Item]
    /// Every problem found, in argument order.
    public var diagnostics: [Diagnostic]
    /// Whether any spec could not be loaded, pruned or estimated.
    public var failed: Bool

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
            } catch {
                run.failed = true
                run.diagnostics.append(Diagnostic(severity: .error, code: "cost-error", message: "\(error)", file: path,
                                                  location: nil))
            }
        }
        return run
    }
}
