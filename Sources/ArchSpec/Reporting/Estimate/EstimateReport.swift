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

/// The output formats of `archcalc estimate`.
public enum EstimateFormat: String, CaseIterable, Sendable {
    case text, json, markdown, csv

    /// The renderer for this format.
    public func renderer(exact: Bool = false) -> any EstimateRenderer {
        switch self {
        case .text: TextEstimateRenderer(exact: exact)
        case .json: JSONEstimateRenderer()
        case .markdown: MarkdownEstimateRenderer()
        case .csv: CSVEstimateRenderer()
        }
    }
}

/// Turns estimates into one output document.
public protocol EstimateRenderer: Sendable {
    func render(_ reports: [EstimateReport]) -> String
}
