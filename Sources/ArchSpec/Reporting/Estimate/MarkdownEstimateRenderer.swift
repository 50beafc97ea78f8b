/// `--format markdown`: a GitHub-flavoured table, human units; then each checkpoint whose architecture could
/// not be recovered, with its counts.
public struct MarkdownEstimateRenderer: Renderer {
    public init() {}

    public func render(_ run: EstimationRun) -> String {
        var lines = ["| " + EstimateColumns.humanHeaders.joined(separator: " | ") + " |"]
        lines.append("|" + EstimateColumns.humanHeaders.map { _ in " --- |" }.joined())
        for report in run.reports {
            let cells = EstimateColumns.human(report).map(MarkdownEscaping.cell)
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        let main = lines.joined(separator: "\n") + "\n"
        guard !run.unrecovered.isEmpty else { return main }
        return main + (run.reports.isEmpty ? "" : "\n") + run.unrecovered.map { summary in
            "## \(Escaping.short(summary.path, limit: 400)) (architecture not recovered)\n\n```\n"
                + CheckpointRendering.text(summary) + "```\n"
        }.joined(separator: "\n")
    }
}
