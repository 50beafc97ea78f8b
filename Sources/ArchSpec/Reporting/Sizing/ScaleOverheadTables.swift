/// The two tables of `archcalc size --scales` in each format.
enum ScaleOverheadTables {
    static let header = ["granularity", "scales", "scale bytes", "payload", "overhead"]

    static func cells(_ rows: [ScaleOverheadRow]) -> [[String]] {
        rows.map { row in
            let percent = row.payload > 0 ? Double(row.bytes) / Double(row.payload) * 100 : 0
            return [row.granularity.description, HumanUnits.grouped(row.scales),
                    HumanUnits.grouped(row.bytes) + " (" + HumanUnits.bytes(row.bytes) + ")",
                    HumanUnits.bytes(row.payload), HumanUnits.fixed(percent, decimals: 3) + "%"]
        }
    }

    static func text(_ report: ScaleOverheadReport) -> String {
        func table(_ title: String, _ rows: [ScaleOverheadRow]) -> String {
            let table = TextTable(columns: [.left] + header.dropFirst().map { _ in .right }, header: header, rows: cells(rows))
            return ([title] + table.lines).joined(separator: "\n") + "\n"
        }
        return table(report.weightTitle, report.weightRows) + "\n" + table(report.kvTitle, report.kvRows)
    }

    static func markdown(_ report: ScaleOverheadReport) -> String {
        func table(_ title: String, _ rows: [ScaleOverheadRow]) -> String {
            (["**\(title)**", "", "| " + header.joined(separator: " | ") + " |", "|---|---:|---:|---:|---:|"]
                + cells(rows).map { "| " + $0.joined(separator: " | ") + " |" }).joined(separator: "\n") + "\n"
        }
        return table(report.weightTitle, report.weightRows) + "\n" + table(report.kvTitle, report.kvRows)
    }

    /// `{"weights": {"dtype", "rows"}, "kv_cache": {"dtype", "context", "batch", "rows"}}`, exact integers.
    static func json(_ report: ScaleOverheadReport) -> JSONValue {
        func rows(_ rows: [ScaleOverheadRow]) -> JSONValue {
            .array(rows.map { row in
                .object([("granularity", .string(row.granularity.description)), ("scales", .int(row.scales)),
                         ("scale_bytes", .int(row.bytes)), ("payload_bytes", .int(row.payload))])
            })
        }
        return .object([
            ("weights", .object([("dtype", .string(report.weights.dtype.rawValue)),
                                 ("scale_dtype", .string(report.weights.scaleDType.rawValue)), ("rows", rows(report.weightRows))])),
            ("kv_cache", .object([("dtype", .string(report.kv.dtype.rawValue)),
                                  ("scale_dtype", .string(report.kv.scaleDType.rawValue)),
                                  ("context", .int(report.context)), ("batch", .int(report.batch)),
                                  ("rows", rows(report.kvRows))])),
        ])
    }
}
