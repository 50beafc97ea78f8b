/// Renders a comparison as aligned text, JSON or a Markdown table.
public enum ComparisonRenderer {
    /// Text: one column per spec; columns after the first show the difference from the first.
    public static func text(_ comparison: Comparison, exact: Bool) -> String {
        var header = ["metric"]
        for (index, report) in comparison.reports.enumerated() {
            let name = Escaping.terminal(report.estimate.name, limit: 60)
            header.append(index == 0 ? "\(name) (baseline)" : name)
        }
        var table = [header]
        for row in comparison.rows {
            var cells = [row.metric.label]
            for index in row.values.indices {
                let value = exact ? HumanUnits.grouped(row.values[index]) : row.metric.human(row.values[index])
                if index == 0 { cells.append(value); continue }
                let delta = Comparison.formatPercent(row.percent(index))
                let absolute = exact ? signed(HumanUnits.grouped(abs(row.differences[index])), row.differences[index]) : ""
                cells.append(exact ? "\(value) (\(absolute), \(delta))" : "\(value) (\(delta))")
            }
            table.append(cells)
        }
        let widths = header.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        var lines = table.map { cells in
            cells.enumerated().map { column, cell in
                column == 0 ? cell.padding(widths[0]) : cell.leftPadding(widths[column])
            }.joined(separator: "  ")
        }
        lines.insert(contentsOf: context(comparison), at: 0)
        return (lines + comparison.notes.map { Escaping.lineStart($0) }).joined(separator: "\n") + "\n"
    }

    static func context(_ comparison: Comparison) -> [String] {
        guard let first = comparison.reports.first?.estimate else { return [] }
        var lines = comparison.reports.map {
            "\(Escaping.lineStart($0.estimate.name, limit: 60)): \(Escaping.terminal($0.source, limit: 300))"
        }
        lines.append(workload(comparison) + "; attention FLOPs: "
                     + "\(first.options.attentionFlops.rawValue); logits: \(first.options.logits.rawValue)")
        lines += comparison.warnings.map { "warning: " + Escaping.terminal($0, limit: 400) }
        lines.append("")
        return lines
    }

    /// `context 4,096 tokens (the smallest context_length of the specs; ...), batch 1`: the one workload.
    static func workload(_ comparison: Comparison) -> String {
        "context \(HumanUnits.grouped(Int128(comparison.context))) tokens (\(comparison.basis.phrase)), "
            + "batch \(comparison.batch)"
    }

    static func signed(_ text: String, _ value: Int128) -> String {
        value < 0 ? "-" + text : (value > 0 ? "+" + text : text)
    }

    /// JSON: specs in order and one object per metric with exact values and differences.
    public static func json(_ comparison: Comparison) -> String {
        let specs = comparison.reports.map { report in
            JSONValue.object([("name", .string(report.estimate.name)), ("source", .string(report.source))])
        }
        let metrics = comparison.rows.map { row in
            JSONValue.object([
                ("metric", .string(row.metric.rawValue)),
                ("values", .array(row.values.map { .int($0) })),
                ("differences", .array(row.differences.map { .int($0) })),
            ])
        }
        var fields: [(String, JSONValue)] = [
            ("specs", .array(specs)), ("context", .int(comparison.context)),
            ("context_basis", .string(comparison.basis.rawValue)), ("batch", .int(comparison.batch)),
            ("metrics", .array(metrics)), ("warnings", .array(comparison.warnings.map { .string($0) })),
        ]
        if !comparison.notes.isEmpty { fields.append(("notes", .array(comparison.notes.map { .string($0) }))) }
        return JSONValue.object(fields).rendered() + "\n"
    }

    /// Markdown: a GitHub table, human units, differences in parentheses.
    public static func markdown(_ comparison: Comparison) -> String {
        let names = comparison.reports.map { MarkdownEscaping.cell($0.estimate.name) }
        var lines = ["All at " + workload(comparison) + ".", ""]
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
