/// The columns shared by the Markdown and CSV renderers: one row per spec.
enum EstimateColumns {
    static let headers = [
        "name", "params", "active params", "weights bytes", "kv bytes/token", "kv bytes", "prefill FLOPs",
        "decode FLOPs", "context", "batch", "state bytes/sequence", "layers",
    ]

    static let humanHeaders = [
        "name", "params", "active", "weights", "KV/token", "KV cache", "prefill", "decode step", "context", "batch",
        "state/sequence", "layers",
    ]

    static func exact(_ report: EstimateReport) -> [String] {
        let e = report.estimate
        return [
            e.name, e.parameters.total.description, e.parameters.active.description, e.weights.bytes.description,
            e.kvCache.bytesPerToken.description, e.kvCache.bytes.description, e.flops.prefill.total.description,
            e.flops.decode.total.description, String(e.context), String(e.batch),
            e.kvCache.stateBytesPerSequence.description, LayerKindCount.sentence(e.layerKinds),
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
            HumanUnits.bytes(e.kvCache.stateBytesPerSequence), LayerKindCount.sentence(e.layerKinds),
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
            let cells = EstimateColumns.human(report).map { $0.replacingPipes() }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `--format csv`: RFC 4180, exact integers.
public struct CSVEstimateRenderer: EstimateRenderer {
    public init() {}

    public func render(_ reports: [EstimateReport]) -> String {
        var lines = [EstimateColumns.headers.map(Self.field).joined(separator: ",")]
        for report in reports { lines.append(EstimateColumns.exact(report).map(Self.field).joined(separator: ",")) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}

extension String {
    func replacingPipes() -> String {
        split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
