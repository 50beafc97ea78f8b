
/// Text, Markdown, JSON and YAML views of hardware profiles, which the `HardwareFormat` renderers put together.
public enum HardwareReport {
    /// One row per profile: id, name, memory, bandwidth, bf16 (or best) peak, interconnect.
    public static func listText(_ profiles: [HardwareProfile]) -> String {
        let rows = [["id", "name", "memory", "bandwidth", "peak 16-bit", "interconnect/direction"]]
            + profiles.map { profile in
                row(profile).enumerated().map { $0 == 0 ? Escaping.lineStart($1, limit: 100) : Escaping.terminal($1, limit: 200) }
            }
        return TextTable(columns: rows[0].map { _ in .left }, rows: rows).rendered
    }

    public static func listMarkdown(_ profiles: [HardwareProfile]) -> String {
        let header = ["id", "name", "memory", "bandwidth", "peak 16-bit", "interconnect/direction"]
        return (["| " + header.joined(separator: " | ") + " |", "|" + header.map { _ in "---|" }.joined()]
            + profiles.map { "| " + row($0).map(MarkdownEscaping.cell).joined(separator: " | ") + " |" })
            .joined(separator: "\n") + "\n"
    }

    static func row(_ p: HardwareProfile) -> [String] {
        let peak = p.peakFlops.bf16 ?? p.peakFlops.fp16 ?? p.peakFlops.fp32
        return [p.id, p.name, HumanUnits.bytes(Int128(p.memory.value)), SizingUnits.bandwidth(p.memoryBandwidth.value),
                peak.map { SizingUnits.flopsPerSecond($0.value) } ?? "n/a",
                "\(SizingUnits.bandwidth(p.interconnect.bandwidth.value)) \(p.interconnect.kind)"]
    }

    /// Every figure of a profile, its value in words and its source (`nil`: none to give), in the order both
    /// `show` views list them.
    static func figures(_ p: HardwareProfile) -> [(label: String, value: String, source: String?)] {
        var figures: [(label: String, value: String, source: String?)] = []
        func add(_ label: String, _ value: String, _ source: String?) { figures.append((label, value, source)) }
        add("memory", "\(HumanUnits.bytes(Int128(p.memory.value))) (\(HumanUnits.grouped(Int128(p.memory.value))) B)",
            p.memory.source)
        add("memory bandwidth", SizingUnits.bandwidth(p.memoryBandwidth.value), p.memoryBandwidth.source)
        for (name, figure) in p.peakFlops.listed {
            add("peak \(name) (dense)", SizingUnits.flopsPerSecond(figure.value), figure.source)
        }
        add("interconnect", "\(p.interconnect.kind), \(SizingUnits.bandwidth(p.interconnect.bandwidth.value)) per direction",
            p.interconnect.bandwidth.source)
        add("collective latency", HumanUnits.seconds(p.interconnect.latency?.value ?? Efficiency.defaultLatency),
            p.interconnect.latency?.source ?? "archcalc default")
        add("devices per node", String(p.devicesPerNode), nil)
        add("runtime reserve", p.reserveFraction.map { "\(HumanUnits.significant($0 * 100))% of memory" }
            ?? "none: size counts runtime parts (context and libraries, captured graphs, collective buffers)", p.reserve?.source ?? "archcalc default")
        let e = p.efficiency ?? Efficiency()
        add("efficiency compute", HumanUnits.significant(e.compute?.value ?? Efficiency.defaults.compute),
            e.compute?.source ?? "archcalc default")
        add("efficiency memory", HumanUnits.significant(e.memory?.value ?? Efficiency.defaults.memory),
            e.memory?.source ?? "archcalc default")
        add("efficiency communication",
            HumanUnits.significant(e.communication?.value ?? Efficiency.defaults.communication),
            e.communication?.source ?? "archcalc default")
        for curve in e.curves {
            add("curve \(curve.operator.rawValue)", "\(curve.points.count) points over \(curve.operator.axis)", curve.source)
        }
        return figures
    }

    /// Every figure of one profile with its source. A profile read from a file is hostile: every string from
    /// it goes through the terminal sink, and the id, which starts the first line, cannot start a command.
    public static func showText(_ p: HardwareProfile) -> String {
        let text = { (value: String) in Escaping.terminal(value, limit: 1000) }
        var lines = ["\(Escaping.lineStart(p.id, limit: 200)): \(text(p.name)) (\(text(p.vendor)))"]
        func add(_ label: String, _ value: String, _ source: String?) {
            lines.append("  \(label): \(text(value))")
            if let source { lines.append("      source: \(text(source))") }
        }
        for figure in figures(p) { add(figure.label, figure.value, figure.source) }
        if let notes = p.notes { lines.append("  notes: \(text(notes))") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The profile in the YAML schema `--hardware FILE` reads (a template for your own).
    ///
    /// Lines are never folded (a long value cannot put its own text at the start of a line), non-ASCII or
    /// non-printable characters are written as double-quoted escapes, and a scalar holding `##[` (the runner's
    /// legacy workflow-command prefix) is written double-quoted with it as `##\x5b`, losslessly. Keys are the
    /// schema's, so every `##[` is inside such a scalar.
    public static func yaml(_ p: HardwareProfile) -> String {
        guard let tree = try? YAMLNodeEncoder().encode(p) else { return "" }
        let quoted = tree.restyling(.doubleQuoted) { $0.contains("##[") }
        let text = (try? YAMLEmitter(width: nil, allowsUnicode: false).text(quoted)) ?? ""
        return text.contains("##[") ? text.replacing("##[", with: "##\\x5b") : text
    }

    /// Every figure of one profile with its source, as a Markdown table.
    public static func showMarkdown(_ p: HardwareProfile) -> String {
        var lines = ["### \(MarkdownEscaping.inline(p.id)): \(MarkdownEscaping.inline(p.name)) (\(MarkdownEscaping.inline(p.vendor)))",
                     "", "| figure | value | source |", "|---|---|---|"]
        func add(_ label: String, _ value: String, _ source: String?) {
            lines.append("| \(label) | \(MarkdownEscaping.cell(value)) | \(MarkdownEscaping.cell(source ?? "")) |")
        }
        for figure in figures(p) { add(figure.label, figure.value, figure.source) }
        if let notes = p.notes { lines += ["", MarkdownEscaping.inline(notes)] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The profile as a JSON tree, with the keys of the YAML schema (`JSONValueEncoder`).
    public static func jsonValue(_ p: HardwareProfile) -> JSONValue {
        (try? JSONValueEncoder.encode(p)) ?? .null
    }
}
