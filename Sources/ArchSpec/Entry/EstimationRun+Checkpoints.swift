extension EstimationRun {
    /// The whole `estimate` output: the reports, then the counts of checkpoints whose architecture could not
    /// be recovered (JSON: one array holding both; CSV: reports only, as CSV has no place for them).
    public func rendered(_ format: EstimateFormat, exact: Bool) -> String {
        let main = format.renderer(exact: exact).render(reports)
        guard !unrecovered.isEmpty else { return main }
        switch format {
        case .json:
            let objects = reports.map(JSONEstimateRenderer.object) + unrecovered.map { summary in
                JSONValue.object([("name", .null), ("source", .string(summary.path)),
                                  ("checkpoint", CheckpointRendering.json(summary))])
            }
            return JSONValue.array(objects).rendered() + "\n"
        case .csv:
            return main
        case .text:
            return main + (reports.isEmpty ? "" : "\n") + unrecovered.map { summary in
                "\(Escaping.short(summary.path, limit: 400)) (architecture not recovered)\n" + CheckpointRendering.text(summary)
            }.joined(separator: "\n")
        case .markdown:
            return main + (reports.isEmpty ? "" : "\n") + unrecovered.map { summary in
                "## \(Escaping.short(summary.path, limit: 400)) (architecture not recovered)\n\n```\n" + CheckpointRendering.text(summary) + "```\n"
            }.joined(separator: "\n")
        }
    }
}
