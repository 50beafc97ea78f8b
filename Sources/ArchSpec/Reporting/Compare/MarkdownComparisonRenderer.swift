/// Markdown: a GitHub table, human units, differences in parentheses; notes after it.
public struct MarkdownComparisonRenderer: Renderer {
    public init() {}

    public func render(_ comparison: Comparison) -> String {
        let names = comparison.reports.map { MarkdownEscaping.cell($0.estimate.name) }
        var lines = ["All at " + TextComparisonRenderer.workload(comparison) + ".", ""]
        lines += comparison.warnings.map { "- **warning:** " + MarkdownEscaping.inline($0) }
        if !comparison.warnings.isEmpty { lines.append("") }
        lines += ["| metric | " + names.joined(separator: " | ") + " |",
                  "| --- |" + names.map { _ in " ---: |" }.joined()]
        for row in comparison.rows {
            let cells = row.values.indices.map { index in
                let value = row.metric.human(row.values[index])
                return index == 0 ? value : "\(value) (\(Comparison.formatPercent(row.percent(index))))"
            }
            lines.append("| \(row.metric.label) | " + cells.joined(separator: " | ") + " |")
        }
        return (lines + comparison.notes.map { "\n" + $0 }).joined(separator: "\n") + "\n"
    }
}
