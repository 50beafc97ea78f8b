/// Renderers for the reverse queries: `size --hardware a,b,c` (one row per device) and `size --best-dtype`.
extension SizingFormat {
    static let deviceHeaders = ["hardware", "devices", "layout", "fits", "memory/device", "capacity", "max batch",
                                "max context", "prefill", "decode/token", "tokens/s/seq", "tokens/s total"]

    static func deviceCells(_ row: DeviceComparison.Row) -> [String] {
        guard let r = row.result else {
            return [row.hardware.id, "-", "-", "no", "-", SizingUnits.bytes(Int128(row.hardware.memory.value.rounded())),
                    "-", "-", "-", "-", "-", "-"]
        }
        return [r.hardware.id, String(r.layout.devices), r.layout.description, r.fits ? "yes" : "no",
                SizingUnits.bytes(r.memory.total), SizingUnits.bytes(r.memory.capacity), String(r.maxBatch),
                SizingUnits.maxContext(r), HumanUnits.seconds(r.prefill.seconds), HumanUnits.seconds(r.decode.seconds),
                SizingUnits.rate(r.decodeTokensPerSecond), SizingUnits.rate(r.aggregateTokensPerSecond)]
    }

    /// One row per device (text, Markdown) or an array of sizing objects (JSON).
    public func render(devices: DeviceComparison) -> String {
        switch self {
        case .json:
            return JSONValue.object([("version", .int(JSONSizingRenderer.version)), ("results", .array(devices.rows.map { row in
                row.result.map(JSONSizingRenderer.object) ?? .object([
                    ("hardware", .string(row.hardware.id)), ("fits", .bool(false)), ("error", .string(row.error ?? ""))])
            }))]).rendered() + "\n"
        case .text, .markdown:
            let first = devices.rows.first?.result
            let title = first.map { "\($0.model): context \($0.context), batch \($0.batch); weights \($0.weights.summary); "
                + "KV cache \($0.kv.summary)" } ?? "devices"
            let rows = devices.rows.map { Self.deviceCells($0).map { Escaping.terminal($0, limit: 200) } }
            let notes = devices.rows.compactMap { row in row.error.map { "\(row.hardware.id): \($0)" } }
            return Self.table(title: title, headers: Self.deviceHeaders, rows: rows, notes: notes, markdown: self == .markdown)
        }
    }

    /// The combinations tried, the chosen one last, with why each more precise one does not fit.
    public func render(dtypes choice: DTypeSearch.Choice) -> String {
        switch self {
        case .json:
            return JSONValue.object([
                ("version", .int(JSONSizingRenderer.version)),
                ("best", choice.best.map { .object([("weights_dtype", .string($0.weights.rawValue)),
                                                   ("kv_dtype", .string($0.kv.rawValue))]) } ?? .null),
                ("tried", .array(choice.trials.map { t in
                    .object([("weights_dtype", .string(t.weights.rawValue)), ("kv_dtype", .string(t.kv.rawValue)),
                             ("fits", .bool(t.fits)), ("total", .int(t.result.memory.total)),
                             ("reason", .string(t.reason))])
                })),
                ("result", choice.best.map { JSONSizingRenderer.object($0.result) } ?? .null),
            ]).rendered() + "\n"
        case .text, .markdown:
            var lines: [String] = []
            for t in choice.trials where !t.fits {
                lines.append("weights \(t.weights.rawValue), KV \(t.kv.rawValue): does not fit, " + t.reason)
            }
            if let best = choice.best {
                lines.append("best: weights \(best.weights.rawValue), KV \(best.kv.rawValue)"
                    + " (the most precise combination that fits)")
                let body = lines.map { self == .markdown ? "- " + $0 : $0 }.joined(separator: "\n")
                return body + "\n\n" + render(best.result)
            }
            lines.append("no combination down to int4 weights and int4 KV fits; add devices (--gpus) or shorten the workload")
            return lines.map { self == .markdown ? "- " + $0 : $0 }.joined(separator: "\n") + "\n"
        }
    }

    static func table(title: String, headers: [String], rows: [[String]], notes: [String], markdown: Bool) -> String {
        if markdown {
            var lines = ["**" + MarkdownEscaping.inline(title) + "**", "", "| " + headers.joined(separator: " | ") + " |",
                         "|" + headers.map { _ in "---:|" }.joined()]
            lines += rows.map { "| " + $0.map { MarkdownEscaping.inline($0) }.joined(separator: " | ") + " |" }
            return (lines + (notes.isEmpty ? [] : [""]) + notes.map { "- " + MarkdownEscaping.inline($0) })
                .joined(separator: "\n") + "\n"
        }
        let table = TextTable(columns: [.left] + Array(repeating: .right, count: max(0, headers.count - 1)),
                              header: headers, headerAlignment: .left, rows: rows)
        let lines = [Escaping.lineStart(title, limit: 400)] + table.lines
        return (lines + notes.map { Escaping.terminal($0, limit: 1000) }).joined(separator: "\n") + "\n"
    }
}
