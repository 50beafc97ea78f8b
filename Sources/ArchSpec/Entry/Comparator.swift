/// The outcome of `archcalc compare`: the comparison when every spec could be estimated, and diagnostics.
public struct ComparisonRun: Sendable {
    /// `nil` when a spec could not be loaded or estimated (`diagnostics` say why).
    public var comparison: Comparison?
    /// Every problem found, in argument order.
    public var diagnostics: [Diagnostic]
}

/// The library entry point behind `archcalc compare`: load every spec, then estimate each at one context.
public enum Comparator {
    /// Loads each path and estimates every spec at the same context: `options.context`, or else the smallest
    /// `context_length` among the specs (comparing each at its own limit would compare different workloads).
    ///
    /// - Parameters:
    ///   - paths: Spec files as for `Estimator.run`; the first is the baseline.
    ///   - options: Workload and conventions, applied to every spec.
    /// - Returns: The comparison, or diagnostics saying which spec failed; never throws.
    public static func run(paths: [String], options: CostOptions) -> ComparisonRun {
        var diagnostics: [Diagnostic] = []
        var loaded: [(spec: ArchitectureSpec, source: String, checkpoint: CheckpointSummary?)] = []
        var failed = false
        for path in paths {
            let result = SpecLoader.load(path: path)
            diagnostics += result.diagnostics
            guard let spec = result.spec else { failed = true; continue }
            loaded.append((spec, path, result.checkpoint))
        }
        guard !failed, let smallest = loaded.map(\.spec.contextLength).min() else {
            return ComparisonRun(comparison: nil, diagnostics: diagnostics)
        }
        var fixed = options
        fixed.context = options.context ?? smallest
        var reports: [EstimateReport] = []
        for entry in loaded {
            do {
                let estimate = try CostModel.estimate(entry.spec, options: fixed)
                reports.append(EstimateReport(estimate: estimate, source: entry.source, checkpoint: entry.checkpoint))
            } catch {
                diagnostics.append(Diagnostic(
                    severity: .error, code: .costError, message: error.description, file: entry.source, location: nil))
            }
        }
        guard reports.count == loaded.count else { return ComparisonRun(comparison: nil, diagnostics: diagnostics) }
        let basis: ContextBasis = options.context == nil ? .smallestContextLength : .requested
        return ComparisonRun(comparison: Comparison(reports: reports, basis: basis), diagnostics: diagnostics)
    }
}
