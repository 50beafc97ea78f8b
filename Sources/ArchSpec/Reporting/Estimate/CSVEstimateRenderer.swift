/// `--format csv`: RFC 4180, exact integers; text columns go through `CSVEscaping.text`. Checkpoints whose
/// architecture could not be recovered have no row (CSV has no place for their counts).
public struct CSVEstimateRenderer: Renderer {
    public init() {}

    public func render(_ run: EstimationRun) -> String {
        var lines = [EstimateColumns.headers.map(CSVEscaping.field).joined(separator: ",")]
        for report in run.reports {
            // The name and the layer sentence are text; every other column is one of archcalc's integers.
            let cells = EstimateColumns.exact(report).enumerated().map { column, cell in
                EstimateColumns.textColumns.contains(column) ? CSVEscaping.text(cell) : CSVEscaping.field(cell)
            }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
