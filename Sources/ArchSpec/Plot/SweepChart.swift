
/// The `size --sweep ... --plot` SVG: memory per device against the swept axis with capacity and each point
/// marked fits / does not fit (left), and decode tokens/s per sequence and in aggregate (right).
public enum SweepChart {
    public static func svg(sweep: Sweep, results: [SizingResult]) -> String {
        var svg = SVGWriter(width: 1100, height: 560)
        svg.text(550, 22, title(sweep, results), size: 15, anchor: "middle", weight: "bold")
        for warning in SweepTable.warnings(results) { svg.text(550, 44, warning, size: 12, anchor: "middle") }
        guard !results.isEmpty else { return svg.document }
        memoryPanel(&svg, sweep: sweep, results: results)
        throughputPanel(&svg, sweep: sweep, results: results)
        return svg.document
    }

    /// `llama-3-8b on 1 x l40s (tp 1, pp 1): context 1024 to 65536 at batch 4, weights bf16, KV bf16: 7 of 7 points
    /// fit`, with the range of device counts when the search chose different layouts.
    static func title(_ sweep: Sweep, _ results: [SizingResult]) -> String {
        guard let first = results.first, let last = results.last else { return "empty sweep" }
        let fixed = sweep.axis == .context ? "batch \(first.batch)" : "context \(first.context)"
        let range = "\(sweep.axis.rawValue) \(value(first, sweep.axis)) to \(value(last, sweep.axis)) at \(fixed)"
        let devices = Set(results.map(\.layout.devices))
        let layout = Set(results.map(\.layout)).count == 1 ? SizingUnits.layout(first)
            : "\(devices.min() ?? 1) to \(devices.max() ?? 1) x \(Escaping.terminal(first.hardware.id, limit: 60)), layout chosen per point"
        return "\(Escaping.terminal(first.model, limit: 200)) on \(layout): \(range), weights \(first.weights.dtype.rawValue), "
            + "KV \(first.kv.dtype.rawValue): \(results.filter(\.fits).count) of \(results.count) points fit"
    }

    static func value(_ result: SizingResult, _ axis: Sweep.Axis) -> Int { axis == .context ? result.context : result.batch }

    static func xArea(_ results: [SizingResult], _ axis: Sweep.Axis, left: Double, yRange: ClosedRange<Double>, yLog: Bool) -> PlotArea {
        let first = Double(results.map { value($0, axis) }.min() ?? 1), last = Double(results.map { value($0, axis) }.max() ?? 2)
        return PlotArea(left: left, top: SizingChart.panelTop, width: 400, height: 330, xRange: first...max(last, first * 2),
                        yRange: yRange, xLog: true, yLog: yLog)
    }

    static func xTitle(_ axis: Sweep.Axis) -> String {
        axis == .context ? "context length (tokens, log scale)" : "batch (sequences, log scale)"
    }

    static func xTicks(_ area: PlotArea, _ axis: Sweep.Axis) -> [(Double, String)] {
        PlotArea.powerOfTwoTicks(area.xRange) { axis == .context ? SizingChart.contextLabel(Int($0)) : String(Int($0)) }
    }

    static func memoryPanel(_ svg: inout SVGWriter, sweep: Sweep, results: [SizingResult]) {
        let gib = SizingChart.gib
        let capacity = gib(results[0].memory.capacity)
        let highest = results.map { gib($0.memory.total) }.max() ?? capacity
        let weights = results.map { gib($0.memory.weights) }.max() ?? 0
        let scale = SizingChart.memoryScale(capacity: capacity, point: highest, weights: weights)
        let area = xArea(results, sweep.axis, left: 95, yRange: 0...scale.top, yLog: false)
        area.drawAxes(&svg, title: "Memory per device vs \(sweep.axis.rawValue)", xTitle: xTitle(sweep.axis),
                      yTitle: "memory per device (GiB)", xTicks: xTicks(area, sweep.axis),
                      yTicks: scale.ticks.map { ($0, SizingChart.tickLabel($0)) })
        let limit = results[0].contextLength
        if sweep.axis == .context, Double(limit) >= area.xRange.lowerBound, Double(limit) <= area.xRange.upperBound {
            area.verticalMarker(&svg, at: Double(limit), label: "model limit \(HumanUnits.grouped(Int128(limit)))",
                                color: "#555", dash: "6 4", id: "model-limit")
        }
        svg.line(area.left, area.y(capacity), area.left + area.width, area.y(capacity), stroke: SizingChart.capacityColor,
                 width: 2, id: "capacity")
        area.clip(&svg, id: "sweep-clip")
        let points = results.map { (area.x(Double(value($0, sweep.axis))), area.yLinear(gib($0.memory.total))) }
        let layoutsDiffer = Set(results.map(\.layout)).count > 1
        svg.polyline(points, stroke: "#1f77b4", id: "sweep-memory", label: "memory per device", clip: "sweep-clip")
        for (index, result) in results.enumerated() {
            svg.element("circle", [("id", "point-\(index)"), ("data-fits", result.fits ? "true" : "false"),
                                   ("cx", SVGWriter.n(points[index].0)),
                                   ("cy", SVGWriter.n(area.y(min(gib(result.memory.total), scale.top)))), ("r", "4"),
                                   ("fill", result.fits ? SizingChart.fitsColor : SizingChart.capacityColor)])
            if layoutsDiffer {
                svg.text(points[index].0, area.y(min(gib(result.memory.total), scale.top)) - 8,
                         "\(result.layout.devices)x", size: 10, anchor: "middle")
            }
        }
        area.drawLegend(&svg, [("memory per device", "#1f77b4", nil, false),
                               ("capacity \(HumanUnits.significant(capacity)) GiB: fits below", SizingChart.capacityColor, nil, false),
                               ("point that fits", SizingChart.fitsColor, nil, false),
                               ("point that does not fit", SizingChart.capacityColor, nil, false)])
        svg.text(area.left, area.top + area.height + 52 + 2 * 16 + 24,
                 "memory: weights + KV cache + activations + \(SizingUnits.bytes(results[0].memory.reserve)) runtime reserve"
                    + (layoutsDiffer ? "; Nx: devices at that point" : ""), size: 11)
    }

    static func throughputPanel(_ svg: inout SVGWriter, sweep: Sweep, results: [SizingResult]) {
        let rates = results.filter(\.fits).flatMap { [$0.decodeTokensPerSecond, $0.aggregateTokensPerSecond] }
            .filter { $0 > 0 && $0.isFinite }
        let low = (rates.min() ?? 1) / 2, high = (rates.max() ?? 10) * 2
        let area = xArea(results, sweep.axis, left: 670, yRange: low...max(high, low * 10), yLog: true)
        area.drawAxes(&svg, title: "Decode throughput vs \(sweep.axis.rawValue)", xTitle: xTitle(sweep.axis),
                      yTitle: "tokens/s (log scale)", xTicks: xTicks(area, sweep.axis),
                      yTicks: PlotArea.logTicks(area.yRange, label: SizingChart.tickLabel))
        let series: [(String, String, String, (SizingResult) -> Double)] = [
            ("sweep-per-sequence", "tokens/s per sequence", "#2ca02c", \.decodeTokensPerSecond),
            ("sweep-aggregate", "tokens/s in aggregate", "#9467bd", \.aggregateTokensPerSecond),
        ]
        // Only the points that fit: a configuration that does not fit has no throughput to show.
        for (id, label, color, rate) in series {
            let points = results.filter { $0.fits && rate($0) > 0 }.map { (area.x(Double(value($0, sweep.axis))), area.y(rate($0))) }
            svg.polyline(points, stroke: color, id: id, label: label)
        }
        area.drawLegend(&svg, series.map { ($0.1, $0.2, nil, false) })
        if results.contains(where: { !$0.fits }) {
            svg.text(area.left, area.top + area.height + 52 + 16 + 24, "points that do not fit are left out", size: 11)
        }
    }
}
