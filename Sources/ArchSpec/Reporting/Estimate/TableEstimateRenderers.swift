/// The columns shared by the Markdown and CSV renderers: one row per spec.
enum EstimateColumns {
    static let headers = [
        "name", "params", "active params", "weights bytes", "kv bytes/token", "kv bytes", "prefill FLOPs",
        "decode FLOPs", "context", "batch", "state bytes/sequence", "layers", "warnings",
    ]

    static let humanHeaders = [
        "name", "params", "active", "weights", "KV/token", "KV cache", "prefill", "decode step", "context", "batch",
        "state/sequence", "layers", "warnings",
    ]

    /// Columns holding text rather than numbers: the name, the layer sentence and the warnings.
    static let textColumns: Set<Int> = [0, 11, 12]

    /// The report's warning in one cell (empty when none).
    static func warnings(_ report: EstimateReport) -> String {
        report.estimate.contextWarning?.description ?? ""
    }

    static func exact(_ report: EstimateReport) -> [String] {
        let e = report.estimate
        return [
            e.name, e.parameters.total.description, e.parameters.active.description, e.weights.bytes.description,
            e.kvCache.bytesPerToken.description, e.kvCache.bytes.description, e.flops.prefill.total.description,
            e.flops.decode.total.description, String(e.context), String(e.batch),
            e.kvCache.stateBytesPerSequence.description, LayerKindCount.sentence(e.layerKinds), warnings(report),
        ]
    }

    static func human(_ report: EstimateReport) -> [String] {
        let e = report.estimate
        return [
            e.name, HumanUnits.count(e.parameters.total), HumanUnits.count(e.parameters.active),
            "\(HumanUnits.bytes(e.weights.bytes)) (\(e.weights.dtype.rawValue))",
            "\(HumanUnits.bytes(e.kvCache.bytesPerToken)) (\(e.kvCache.dtype.rawValue))",
            HumanUnits.bytes(e.kvCache.bytes), HumanUnits.flops(e.flops.prefill.total),
            HumanUnits.flops(e.flops.decode.total), String(e.context), String(e.batch),
            HumanUnits.bytes(e.kvCache.stateBytesPerSequence), LayerKindCount.sentence(e.layerKinds), warnings(report),
        ]
    }
}

/// `--format markdown`: a GitHub-flavoured table, human units.
public struct MarkdownEstimateRenderer: EstimateRenderer {
    public init() {}

    public func render(_ reports: [EstimateReport]) -> String {
        var lines = ["| " + EstimateColumns.humanHeaders.joined(separator: " | ") + " |"]
        lines.append("|" + EstimateColumns.humanHeaders.map { _ in " --- |" }.joined())
        for report in reports {
            let cells = EstimateColumns.human(report).map(MarkdownEscaping.cell)
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `--format csv`: RFC 4180, exact integers; text columns go through `CSVEscaping.text`.
public struct CSVEstimateRenderer: EstimateRenderer {
    public init() {}

    public func render(_ reports: [EstimateReport]) -> String {
        var lines = [EstimateColumns.headers.map(CSVEscaping.field).joined(separator: ",")]
        for report in reports {
            // The name and the layer sentence are text; every other column is one of archcalc's integers.
            let cells = EstimateColumns.exact(report).enumerated().map { column, cell in
                EstimateColumns.textColumns.contains(column) ? CSVEscaping.text(cell) : CSVEscaping.field(cell)
            }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
