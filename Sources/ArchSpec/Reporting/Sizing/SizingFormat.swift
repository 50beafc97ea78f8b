/// What `archcalc size` answers: one configuration (with the step surface's figures of `--calibration` and the
/// scale tables of `--scales` when asked for), or a sweep.
public enum SizingReport: Sendable {
    case single(SizingResult, calibration: StepSizingEstimate? = nil, scales: ScaleOverheadReport? = nil)
    case sweep(Sweep, [SizingResult])
}

/// Output formats of `archcalc size`.
public enum SizingFormat: String, Codable, ReportFormat {
    case text, json, markdown

    public func renderer(_ options: RenderOptions) -> any Renderer<SizingReport> {
        switch self {
        case .text: TextSizingRenderer()
        case .json: JSONSizingRenderer()
        case .markdown: MarkdownSizingRenderer()
        }
    }

    /// Renders one configuration.
    public func render(_ result: SizingResult) -> String { render(.single(result)) }

    /// The basis of each number, for `--explain` (JSON carries it always; Markdown as a table).
    public func renderBasis(_ result: SizingResult) -> String {
        switch self {
        case .text: TextSizingRenderer.basis(result)
        case .json: ""
        case .markdown: MarkdownSizingRenderer.basis(result)
        }
    }

    /// Renders a sweep: a table (text, markdown) or the results (JSON).
    public func render(sweep: Sweep, results: [SizingResult]) -> String { render(.sweep(sweep, results)) }
}
