/// One estimate with where its spec came from, ready to render.
public struct EstimateReport: Hashable, Sendable {
    public var estimate: Estimate
    /// The spec file as the user named it.
    public var source: String
    /// When the spec came from a checkpoint: the counts read from its headers.
    public var checkpoint: CheckpointSummary?

    public init(estimate: Estimate, source: String, checkpoint: CheckpointSummary? = nil) {
        self.estimate = estimate
        self.source = source
        self.checkpoint = checkpoint
    }
}

/// The output formats of `archcalc estimate`: each renders a whole `EstimationRun` (the estimates, and the
/// counts of checkpoints whose architecture could not be recovered).
public enum EstimateFormat: String, ReportFormat {
    case text, json, markdown, csv

    public func renderer(_ options: RenderOptions) -> any Renderer<EstimationRun> {
        switch self {
        case .text: TextEstimateRenderer(exact: options.exact)
        case .json: JSONEstimateRenderer()
        case .markdown: MarkdownEstimateRenderer()
        case .csv: CSVEstimateRenderer()
        }
    }
}
