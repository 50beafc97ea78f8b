/// Markdown report of one configuration (then the calibration's figures and the scale tables when asked for),
/// or the table of a sweep.
public struct MarkdownSizingRenderer: Renderer {
    public init() {}

    public func render(_ report: SizingReport) -> String {
        switch report {
        case .sweep(let sweep, let results): return SweepTable.markdown(sweep: sweep, results: results)
        case .single(let result, let calibration, let scales):
            return Self.render(result) + (calibration.map { StepSizing.text($0, markdown: true) } ?? "")
                + (scales.map { "\n" + ScaleOverheadTables.markdown($0) } ?? "")
        }
    }

    static func render(_ r: SizingResult) -> String {
        let m = r.memory
        var lines = ["### \(MarkdownEscaping.inline(r.model)) on \(MarkdownEscaping.inline(SizingUnits.layout(r)))", "",
                     "Context \(r.context), batch \(r.batch)\(SizingUnits.perReplica(r)); weights \(r.weights.summary); KV cache \(r.kv.summary)"
                        + (r.kvAccounting == .ideal ? "." : "; KV accounting \(r.kvAccounting.displayName)."), ""]
        if let warning = r.contextWarning { lines += ["**warning:** \(warning)", ""] }
        lines += ["| memory per device | size | bytes |", "|---|---:|---:|"]
        let parts = (m.overhead?.parts ?? []).map { ("- " + MarkdownEscaping.inline($0.name), $0.bytes) }
        for (label, value) in [("weights", m.weights), ("KV cache", m.kvCache), ("activations", m.activations),
                               ("runtime reserve, " + SizingUnits.reserveBasis(m), m.reserve)] + parts + [("**total**", m.total), ("capacity", m.capacity)] {
            lines.append("| \(label) | \(SizingUnits.bytes(value)) | \(HumanUnits.grouped(value)) |")
        }
        lines.append("")
        lines.append(m.fits ? "Fits, \(SizingUnits.bytes(m.headroom)) free per device."
                            : "Does not fit: over by \(SizingUnits.bytes(-m.headroom)) per device.")
        for attempt in r.attempts { lines.append("- \(attempt.layout.devices) device(s), \(attempt.layout): \(MarkdownEscaping.inline(attempt.reason))") }
        lines += ["", "| | value |", "|---|---:|",
                  "| max batch at context \(r.context) | \(r.maxBatch) |",
                  "| max context at batch \(r.batch) | \(SizingUnits.maxContext(r)) |",
                  "| prefill (time to first token\(r.batch == 1 ? "" : ", all \(r.batch) sequences")) | "
                    + "\(HumanUnits.seconds(r.prefill.seconds)), \(r.prefill.bound)-bound |",
                  "| decode per token | \(HumanUnits.seconds(r.decode.seconds)), \(r.decode.bound)-bound |",
                  "| tokens/s per sequence | \(SizingUnits.rate(r.decodeTokensPerSecond)) |",
                  "| tokens/s in aggregate | \(SizingUnits.rate(r.aggregateTokensPerSecond)) |",
                  "| datasheet roofline tokens/s per sequence | \(SizingUnits.rate(r.idealDecodeTokensPerSecond)) |"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The basis of each number as a table.
    static func basis(_ r: SizingResult) -> String {
        var lines = ["", "| number | value | formula | inputs | evidence | error band |", "|---|---:|---|---|---|---|"]
        for e in SizingBasis.entries(r) {
            let cells = [e.quantity, e.value, e.formula, e.inputs.joined(separator: "; "), e.evidence, e.errorBand]
            lines.append("| " + cells.map { MarkdownEscaping.inline($0) }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
