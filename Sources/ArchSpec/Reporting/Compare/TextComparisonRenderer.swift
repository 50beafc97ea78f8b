/// Text: the compared files, the workload, then one column per spec; columns after the first show the
/// difference from the first; notes last.
public struct TextComparisonRenderer: Renderer {
    /// Exact integers and absolute differences instead of human units.
    public var exact: Bool

    public init(exact: Bool = false) { self.exact = exact }

    public func render(_ comparison: Comparison) -> String {
        var header = ["metric"]
        for (index, report) in comparison.reports.enumerated() {
            let name = Escaping.terminal(report.estimate.name, limit: 60)
            header.append(index == 0 ? "\(name) (baseline)" : name)
        }
        var rows: [[String]] = []
        for row in comparison.rows {
            var cells = [row.metric.label]
            for index in row.values.indices {
                let value = exact ? HumanUnits.grouped(row.values[index]) : row.metric.human(row.values[index])
                if index == 0 { cells.append(value); continue }
                let delta = Comparison.formatPercent(row.percent(index))
                let absolute = exact ? Self.signed(HumanUnits.grouped(abs(row.differences[index])), row.differences[index]) : ""
                cells.append(exact ? "\(value) (\(absolute), \(delta))" : "\(value) (\(delta))")
            }
            rows.append(cells)
        }
        let table = TextTable(columns: [.left] + comparison.reports.map { _ in .right }, header: header, rows: rows)
        return (Self.context(comparison) + table.lines + comparison.notes.map { Escaping.lineStart($0) })
            .joined(separator: "\n") + "\n"
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
}
