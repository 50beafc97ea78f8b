/// Plain-text report of one configuration (then the calibration's figures and the scale tables when asked
/// for), or the table of a sweep.
public struct TextSizingRenderer: Renderer {
    public init() {}

    public func render(_ report: SizingReport) -> String {
        switch report {
        case .sweep(let sweep, let results): return SweepTable.text(sweep: sweep, results: results)
        case .single(let result, let calibration, let scales):
            return Self.render(result) + (calibration.map { StepSizing.text($0) } ?? "")
                + (scales.map { "\n" + ScaleOverheadTables.text($0) } ?? "")
        }
    }

    static func render(_ r: SizingResult) -> String {
        let m = r.memory
        var lines: [String] = []
        lines.append("\(Escaping.lineStart(r.model, limit: 200)) on \(SizingUnits.layout(r)): "
            + Escaping.terminal(r.hardware.name, limit: 200))
        lines.append("workload: context \(r.context), batch \(r.batch)\(SizingUnits.perReplica(r)); weights \(r.weights.summary); "
            + "KV cache \(r.kv.summary); compute \(r.computeDType.rawValue)"
            + (r.kvAccounting == .ideal ? "" : "; KV accounting \(r.kvAccounting.displayName)"))
        if let warning = r.contextWarning { lines.append("warning: \(warning)") }
        lines.append("")
        lines.append("memory per device")
        let rows: [(String, Int128)] = [
            ("weights", m.weights), ("KV cache", m.kvCache), ("activations", m.activations),
            ("runtime reserve", m.reserve), ("total", m.total), ("capacity", m.capacity),
        ]
        lines += TextTable(columns: [.init(.left, minimumWidth: 15), .init(.right, minimumWidth: 11), .left],
                           rows: rows.map { [$0.0, SizingUnits.bytes($0.1), HumanUnits.grouped($0.1) + " B"] },
                           indent: "  ").lines
        lines.append("  runtime reserve, " + SizingUnits.reserveBasis(m) + (m.overhead == nil ? "" : ":"))
        if let overhead = m.overhead {
            lines += TextTable(columns: [.left, .init(.right, minimumWidth: 11)],
                               rows: overhead.parts.map { [$0.name, SizingUnits.bytes($0.bytes)] }, indent: "    ").lines
        }
        lines.append(m.fits
            ? "fits: yes, \(SizingUnits.bytes(m.headroom)) free per device"
            : "fits: no, over by \(SizingUnits.bytes(-m.headroom)) per device")
        for attempt in r.attempts {
            lines.append("  \(attempt.layout.devices) device\(attempt.layout.devices == 1 ? "" : "s") (\(attempt.layout)): "
                + Escaping.terminal(attempt.reason, limit: 1000))
        }
        lines.append("max batch at context \(r.context): \(r.maxBatch)")
        lines.append("max context at batch \(r.batch): \(SizingUnits.maxContext(r))")
        lines.append("")
        let who = r.batch == 1 ? "" : ", all \(r.batch) sequences together"
        lines.append("prefill (time to first token\(who)): \(HumanUnits.seconds(r.prefill.seconds)), \(r.prefill.bound)-bound")
        lines.append("  " + parts(r.prefill))
        lines.append("decode: \(HumanUnits.seconds(r.decode.seconds)) per token, "
            + "\(SizingUnits.rate(r.decodeTokensPerSecond)) tokens/s per sequence, "
            + "\(SizingUnits.rate(r.aggregateTokensPerSecond)) tokens/s in aggregate, \(r.decode.bound)-bound")
        lines.append("  " + parts(r.decode))
        lines.append("  datasheet roofline (no efficiency factors): "
            + "\(HumanUnits.seconds(r.decode.idealSeconds)) per token, "
            + "\(SizingUnits.rate(r.idealDecodeTokensPerSecond)) tokens/s per sequence")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The basis of each number (`size --explain`).
    static func basis(_ r: SizingResult) -> String {
        var lines = ["", "basis of each number"]
        for entry in SizingBasis.entries(r) {
            lines.append("\(entry.quantity): \(entry.value)")
            lines.append("  formula: " + Escaping.terminal(entry.formula, limit: 2000))
            for input in entry.inputs { lines.append("  input: " + Escaping.terminal(input, limit: 2000)) }
            lines.append("  evidence: " + entry.evidence)
            lines.append("  error band: " + entry.errorBand)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func parts(_ phase: PhaseTiming) -> String {
        "compute \(HumanUnits.seconds(phase.computeSeconds)), memory \(HumanUnits.seconds(phase.memorySeconds)), "
            + "communication \(HumanUnits.seconds(phase.communicationSeconds)); "
            + "\(HumanUnits.flops(phase.flops)), \(HumanUnits.bytes(phase.bytesPerDevice)) per device, "
            + "intensity \(HumanUnits.significant(phase.arithmeticIntensity)) FLOP/B"
    }
}

/// Sweep tables (text and Markdown).
enum SweepTable {
    static let headers = ["context", "batch", "memory/device", "fits", "max batch", "prefill", "decode/token",
                          "tokens/s/seq", "tokens/s total", "decode bound"]

    static func cells(_ r: SizingResult) -> [String] {
        [String(r.context), String(r.batch), SizingUnits.bytes(r.memory.total), r.fits ? "yes" : "no",
         String(r.maxBatch), HumanUnits.seconds(r.prefill.seconds), HumanUnits.seconds(r.decode.seconds),
         SizingUnits.rate(r.decodeTokensPerSecond), SizingUnits.rate(r.aggregateTokensPerSecond), r.decode.bound.rawValue]
    }

    /// The sweep's heading; `name` escapes the model name for the output it goes to.
    static func title(_ sweep: Sweep, _ results: [SizingResult], name: (String) -> String) -> String {
        guard let first = results.first else { return "empty sweep" }
        return "\(name(first.model)) on \(SizingUnits.layout(first)), sweeping \(sweep.axis.rawValue); capacity "
            + SizingUnits.bytes(first.memory.capacity) + " per device"
    }

    static func text(sweep: Sweep, results: [SizingResult]) -> String {
        let table = TextTable(columns: headers.map { _ in .right }, header: headers, headerAlignment: .left,
                              rows: results.map(cells))
        return ([title(sweep, results) { Escaping.lineStart($0, limit: 200) }] + table.lines + SweepTable.warnings(results))
            .joined(separator: "\n") + "\n"
    }

    /// One `warning:` line for the points past the model's context_length (none when every point is within).
    static func warnings(_ results: [SizingResult]) -> [String] {
        let contexts = Set(results.filter { $0.contextWarning != nil }.map(\.context)).sorted()
        guard let first = contexts.first, let last = contexts.last, let limit = results.first?.contextLength else { return [] }
        let which = switch contexts.count {
        case 1: "context \(first) exceeds"
        case 2...4: "contexts \(contexts.map(String.init).joined(separator: ", ")) exceed"
        default: "contexts \(first) to \(last) (\(contexts.count) points) exceed"
        }
        return ["warning: \(which) the model's context_length \(limit) (AC501): positions past it are untrained"]
    }

    static func markdown(sweep: Sweep, results: [SizingResult]) -> String {
        var lines = ["**" + title(sweep, results) { MarkdownEscaping.inline($0) } + "**", "", "| " + headers.joined(separator: " | ") + " |",
                     "|" + headers.map { _ in "---:|" }.joined()]
        lines += results.map { "| " + cells($0).joined(separator: " | ") + " |" }
        let notes = warnings(results)
        return (lines + (notes.isEmpty ? [] : [""]) + notes).joined(separator: "\n") + "\n"
    }
}
