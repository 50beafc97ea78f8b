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

/// Number formats shared by the sizing renderers.
enum SizingUnits {
    /// `12.5 GiB` or `-3.20 GiB`.
    static func bytes(_ value: Int128) -> String {
        value < 0 ? "-" + HumanUnits.bytes(-value) : HumanUnits.bytes(value)
    }

    /// `151`, `12.4`, `0.53` tokens/s.
    static func rate(_ value: Double) -> String { HumanUnits.significant(value) }

    /// `989 TFLOP/s`.
    static func flopsPerSecond(_ value: Double) -> String {
        HumanUnits.scaled(value, units: [" FLOP/s", " KFLOP/s", " MFLOP/s", " GFLOP/s", " TFLOP/s", " PFLOP/s"], base: 1000)
    }

    /// `2.04 TB/s`.
    static func bandwidth(_ value: Double) -> String {
        HumanUnits.scaled(value, units: [" B/s", " KB/s", " MB/s", " GB/s", " TB/s", " PB/s"], base: 1000)
    }

    static func layout(_ result: SizingResult) -> String {
        let devices = result.layout.devices
        return "\(devices) x \(Escaping.terminal(result.hardware.id, limit: 200)) (tp \(result.layout.tp), pp \(result.layout.pp))"
    }

    static func maxContext(_ result: SizingResult) -> String {
        "\(result.maxContext)" + result.maxContextBound.suffix(contextLength: result.contextLength)
    }
}
