/// Output formats of `archcalc size`.
public enum SizingFormat: String, Hashable, Codable, Sendable, CaseIterable {
    case text, json, markdown

    /// Renders one configuration.
    public func render(_ result: SizingResult) -> String {
        switch self {
        case .text: TextSizingRenderer.render(result)
        case .json: JSONSizingRenderer.object(result).rendered() + "\n"
        case .markdown: MarkdownSizingRenderer.render(result)
        }
    }

    /// The basis of each number, for `--explain` (JSON carries it always; Markdown as a table).
    public func renderBasis(_ result: SizingResult) -> String {
        switch self {
        case .text: TextSizingRenderer.basis(result)
        case .json: ""
        case .markdown: MarkdownSizingRenderer.basis(result)
        }
    }

    /// Renders a sweep: a table (text, markdown) or an array of objects (JSON).
    public func render(sweep: Sweep, results: [SizingResult]) -> String {
        switch self {
        case .text: SweepTable.text(sweep: sweep, results: results)
        case .json: JSONValue.array(results.map(JSONSizingRenderer.object)).rendered() + "\n"
        case .markdown: SweepTable.markdown(sweep: sweep, results: results)
        }
    }
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
