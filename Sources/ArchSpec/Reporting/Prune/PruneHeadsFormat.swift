/// The output formats of `archcalc estimate --prune-heads`.
public enum PruneHeadsFormat: String, ReportFormat {
    case text, json, markdown

    public func renderer(_ options: RenderOptions) -> any Renderer<HeadPruningRun> {
        switch self {
        case .text: PruneHeadsComparisonsRenderer(each: TextComparisonRenderer(exact: options.exact))
        case .json: JSONPruneHeadsRenderer()
        case .markdown: PruneHeadsComparisonsRenderer(each: MarkdownComparisonRenderer())
        }
    }
}

/// Text and Markdown: each spec's comparison with its pruned version, one after another.
public struct PruneHeadsComparisonsRenderer: Renderer {
    /// The renderer of one comparison.
    public var each: any Renderer<Comparison>

    public init(each: any Renderer<Comparison>) { self.each = each }

    public func render(_ run: HeadPruningRun) -> String {
        run.items.map { each.render($0.comparison) }.joined(separator: "\n")
    }
}
