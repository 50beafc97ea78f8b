/// The output formats of `archcalc estimate --prune-heads`.
public enum PruneHeadsFormat: String, ReportFormat {
    case text, json, markdown

    public func renderer(_ options: RenderOptions) -> any Renderer<HeadPruningRun> {
        switch self {
        case .text: TextPruneHeadsRenderer(exact: options.exact)
        case .json: JSONPruneHeadsRenderer()
        case .markdown: MarkdownPruneHeadsRenderer()
        }
    }
}
