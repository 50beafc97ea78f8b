/// The output formats of `archcalc compare`.
public enum ComparisonFormat: String, ReportFormat {
    case text, json, markdown

    public func renderer(_ options: RenderOptions) -> any Renderer<Comparison> {
        switch self {
        case .text: TextComparisonRenderer(exact: options.exact)
        case .json: JSONComparisonRenderer()
        case .markdown: MarkdownComparisonRenderer()
        }
    }
}
