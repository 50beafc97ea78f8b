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
