
/// The `--plot` SVG: memory per device against context (left) and the roofline with the prefill and decode
/// points (right).
public enum SizingChart {
    static let colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2"]
    static let capacityColor = "#d62728"
    static let fitsColor = "#2ca02c"
    /// Top of both panels: below the title and a warning line.
    static let panelTop = 80.0

    public static func svg(result: SizingResult, curves: MemoryCurves) -> String {
        var svg = SVGWriter(width: 1100, height: 580)
        svg.text(550, 22, title(result), size: 15, anchor: "middle", weight: "bold")
        if let warning = result.contextWarning { svg.text(550, 44, "warning: \(warning)", size: 12, anchor: "middle") }
        memoryPanel(&svg, result: result, curves: curves)
        RooflinePanel.draw(&svg, result: result)
        return svg.document
    }

    /// `llama-3.1-8b on 1 x l40s (tp 1, pp 1): context 32768, batch 4, weights bf16, KV bf16: fits, 11.6 GiB free`.
    ///
    /// Names from the spec and the profile are shown as the text output shows them (controls and bidi
    /// characters visible), then XML-escaped by the writer.
    static func title(_ result: SizingResult) -> String {
        let verdict = result.fits ? "fits, \(SizingUnits.bytes(result.memory.headroom)) free"
                                  : "does not fit, over by \(SizingUnits.bytes(-result.memory.headroom))"
        return "\(Escaping.terminal(result.model, limit: 200)) on \(SizingUnits.layout(result)): context \(result.context), "
            + "batch \(result.batch), weights \(result.weights.dtype.rawValue), KV \(result.kv.dtype.rawValue): \(verdict)"
    }

    static func gib(_ bytes: Int128) -> Double { Double(bytes) / 1_073_741_824 }

    /// The y scale of a memory panel: it frames capacity (about a quarter above it) and reaches the requested
    /// point and the weights, up to three times capacity (points above are drawn on the top edge).
    static func memoryScale(capacity: Double, point: Double, weights: Double) -> (top: Double, ticks: [Double]) {
        let needed = min(max(capacity * 1.25, point * 1.08, weights * 1.08), capacity * 3)
        return PlotArea.niceScale(needed)
    }

    static func memoryPanel(_ svg: inout SVGWriter, result: SizingResult, curves: MemoryCurves) {
        let capacity = gib(curves.capacity), total = gib(result.memory.total)
        let scale = memoryScale(capacity: capacity, point: total, weights: gib(curves.weights))
        let first = Double(curves.contexts.first ?? 1), last = Double(max(curves.contexts.last ?? 2, 2))
        let area = PlotArea(left: 95, top: panelTop, width: 400, height: 330,
                            xRange: first...max(last, first * 2), yRange: 0...scale.top, xLog: true, yLog: false)
        area.drawAxes(&svg, title: "Memory per device vs context", xTitle: "context length (tokens, log scale)",
                      yTitle: "memory per device (GiB)",
                      xTicks: PlotArea.powerOfTwoTicks(area.xRange) { contextLabel(Int($0)) },
                      yTicks: scale.ticks.map { ($0, tickLabel($0)) })
        let weightsTop = area.y(min(gib(curves.weights), scale.top))
        svg.element("rect", [("id", "weights-band"), ("data-series", "weights"), ("x", SVGWriter.n(area.left)),
                             ("y", SVGWriter.n(weightsTop)), ("width", SVGWriter.n(area.width)),
                             ("height", SVGWriter.n(area.top + area.height - weightsTop)), ("fill", "#7f7f7f"),
                             ("fill-opacity", "0.25")])
        contextMarkers(&svg, area: area, result: result)
        svg.line(area.left, area.y(capacity), area.left + area.width, area.y(capacity), stroke: capacityColor, width: 2,
                 id: "capacity")
        area.clip(&svg, id: "memory-clip")
        var legend: [(String, String, String?, Bool)] = []
        for (index, series) in curves.series.enumerated() {
            let color = colors[index % colors.count]
            let points = zip(curves.contexts, series.totals).map { (area.x(Double($0)), area.yLinear(gib($1))) }
            svg.polyline(points, stroke: color, width: series.batch == result.batch ? 3 : 2, id: "batch-\(series.batch)",
                         label: "batch \(series.batch)", clip: "memory-clip")
            legend.append(("batch \(series.batch)" + (series.batch == result.batch ? " (requested)" : ""), color, nil, false))
        }
        requestedPoint(&svg, area: area, result: result, top: scale.top)
        legend.append(("capacity \(HumanUnits.significant(capacity)) GiB: fits below", capacityColor, nil, false))
        legend.append(("weights \(HumanUnits.significant(gib(curves.weights))) GiB", "#7f7f7f", nil, true))
        area.drawLegend(&svg, legend)
        let rows = Double((legend.count + 1) / 2)
        svg.text(area.left, area.top + area.height + 52 + rows * 16 + 24,
                 "each curve: weights + KV cache + activations + \(SizingUnits.bytes(curves.reserve)) runtime reserve",
                 size: 11)
    }

    /// The model's context limit and the max context at the requested batch, as vertical lines.
    static func contextMarkers(_ svg: inout SVGWriter, area: PlotArea, result: SizingResult) {
        let limit = "model limit \(HumanUnits.grouped(Int128(result.contextLength)))"
        if result.maxContextBound == .modelLimit {
            area.verticalMarker(&svg, at: Double(result.contextLength),
                                label: "\(limit) = max context at batch \(result.batch)", color: "#555", dash: "6 4",
                                id: "model-limit")
            return
        }
        if Double(result.contextLength) <= area.xRange.upperBound {
            area.verticalMarker(&svg, at: Double(result.contextLength), label: limit, color: "#555", dash: "6 4",
                                id: "model-limit")
        }
        guard result.maxContext >= 1 else { return }
        let tokens = HumanUnits.grouped(Int128(result.maxContext))
        let label = result.maxContextBound == .requestedContext
            ? "fits to the requested \(tokens) at batch \(result.batch)"
            : "max context at batch \(result.batch): \(tokens)"
        area.verticalMarker(&svg, at: Double(result.maxContext), label: label, color: capacityColor, dash: "2 3",
                            id: "max-context")
    }

    /// The requested context and batch as a dot, green when it fits and red when not, with its total.
    static func requestedPoint(_ svg: inout SVGWriter, area: PlotArea, result: SizingResult, top: Double) {
        let total = gib(result.memory.total)
        let px = area.x(Double(result.context)), py = area.y(min(total, top))
        svg.element("circle", [("id", "requested-point"), ("data-fits", result.fits ? "true" : "false"),
                               ("cx", SVGWriter.n(px)), ("cy", SVGWriter.n(py)), ("r", "6"),
                               ("fill", result.fits ? fitsColor : capacityColor), ("stroke", "#111")])
        let verdict = result.fits ? "fits" : "does not fit"
        let label = "\(contextLabel(result.context)) x \(result.batch): \(HumanUnits.significant(total)) GiB, \(verdict)"
            + (total > top ? " (off the chart)" : "")
        // Left of a point on the right half, clear of a vertical marker's label beside it (16 px wide).
        let nearRight = px > area.left + area.width * 0.55
        svg.text(px + (nearRight ? -22 : 10), py > area.top + 24 ? py - 10 : py + 20, label, size: 11,
                 anchor: nearRight ? "end" : "start", weight: "bold")
    }

    /// `0`, `0.1`, `10`, `2.5`, `1000`: round tick values without trailing zeros.
    static func tickLabel(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = HumanUnits.fixed(value, decimals: 3)
        while text.hasSuffix("0") { text.removeLast() }
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }

    static func contextLabel(_ tokens: Int) -> String {
        tokens >= 1024 && tokens % 1024 == 0 ? "\(tokens / 1024)k" : "\(tokens)"
    }
}
