import Foundation

/// The `--plot` SVG: memory per device against context (left) and the roofline with the prefill and decode
/// points (right).
public enum SizingChart {
    static let colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2"]

    public static func svg(result: SizingResult, curves: MemoryCurves) -> String {
        var svg = SVGWriter(width: 1100, height: 540)
        // Names from the spec and the profile are shown as the text output shows them (controls and bidi
        // characters visible), then XML-escaped by the writer.
        svg.text(550, 22, "\(Escaping.terminal(result.model, limit: 200)) on \(SizingUnits.layout(result)), weights \(result.weights.dtype.rawValue), "
                 + "KV \(result.kv.dtype.rawValue)", size: 15, anchor: "middle", weight: "bold")
        memoryPanel(&svg, result: result, curves: curves)
        rooflinePanel(&svg, result: result)
        return svg.document
    }

    static func gib(_ bytes: Int128) -> Double { Double(bytes) / 1_073_741_824 }

    static func memoryPanel(_ svg: inout SVGWriter, result: SizingResult, curves: MemoryCurves) {
        let capacity = gib(curves.capacity)
        let highest = max(capacity, curves.series.flatMap(\.totals).map(gib).max() ?? capacity)
        let yMax = min(highest, capacity * 3) * 1.08
        let first = Double(curves.contexts.first ?? 1), last = Double(max(curves.contexts.last ?? 2, 2))
        let area = PlotArea(left: 95, top: 60, width: 400, height: 330,
                            xRange: first...max(last, first * 2), yRange: 0...yMax, xLog: true, yLog: false)
        let xTicks = curves.contexts.enumerated().filter { $0.offset % 2 == 0 || $0.offset == curves.contexts.count - 1 }
            .map { (Double($0.element), contextLabel($0.element)) }
        let yTicks = PlotArea.linearTicks(yMax).map { ($0, tickLabel($0)) }
        area.drawAxes(&svg, title: "Memory per device vs context", xTitle: "context length (tokens, log scale)",
                      yTitle: "memory per device (GiB)", xTicks: xTicks, yTicks: yTicks)
        let weightsTop = area.y(min(gib(curves.weights), yMax))
        svg.element("rect", [("id", "weights-band"), ("data-series", "weights"), ("x", SVGWriter.n(area.left)),
                             ("y", SVGWriter.n(weightsTop)), ("width", SVGWriter.n(area.width)),
                             ("height", SVGWriter.n(area.top + area.height - weightsTop)), ("fill", "#7f7f7f"),
                             ("fill-opacity", "0.25")])
        svg.line(area.left, area.y(capacity), area.left + area.width, area.y(capacity), stroke: "#d62728", width: 2,
                 id: "capacity")
        let usable = capacity - gib(curves.reserve)
        svg.line(area.left, area.y(usable), area.left + area.width, area.y(usable), stroke: "#d62728", width: 1,
                 dash: "4 3", id: "capacity-less-reserve")
        area.clip(&svg, id: "memory-clip")
        var legend: [(String, String, String?, Bool)] = []
        for (index, series) in curves.series.enumerated() {
            let color = colors[index % colors.count]
            let points = zip(curves.contexts, series.totals).map { (area.x(Double($0)), area.yLinear(gib($1))) }
            svg.polyline(points, stroke: color, id: "batch-\(series.batch)", label: "batch \(series.batch)",
                         clip: "memory-clip")
            legend.append(("batch \(series.batch)", color, nil, false))
        }
        legend.append(("capacity \(HumanUnits.significant(capacity)) GiB", "#d62728", nil, false))
        legend.append(("capacity - runtime reserve", "#d62728", "4 3", false))
        legend.append(("weights \(HumanUnits.significant(gib(curves.weights))) GiB", "#7f7f7f", nil, true))
        area.drawLegend(&svg, legend)
    }

    static func rooflinePanel(_ svg: inout SVGWriter, result: SizingResult) {
        let peak = result.prefill.peakFlopsPerDevice, bandwidth = result.hardware.memoryBandwidth.value
        let points = [("prefill", result.prefill.arithmeticIntensity), ("decode", result.decode.arithmeticIntensity)]
        let intensities = points.map(\.1).filter { $0.isFinite && $0 > 0 }
        let xMin = min(0.1, (intensities.min() ?? 1) / 3), xMax = max(1e4, (intensities.max() ?? 1) * 3)
        let yMin = bandwidth * xMin, yMax = peak * 3
        let area = PlotArea(left: 670, top: 60, width: 400, height: 330,
                            xRange: xMin...xMax, yRange: yMin...yMax, xLog: true, yLog: true)
        area.drawAxes(&svg, title: "Roofline, one device (\(result.computeDType.rawValue) peak)",
                      xTitle: "arithmetic intensity (FLOP/byte, log scale)", yTitle: "attainable FLOP/s (log scale)",
                      xTicks: PlotArea.decadeTicks(xMin...xMax, label: tickLabel),
                      yTicks: PlotArea.decadeTicks(yMin...yMax) { SizingUnits.flopsPerSecond($0) })
        func roof(_ computeScale: Double, _ memoryScale: Double) -> [(Double, Double)] {
            stride(from: log10(xMin), through: log10(xMax), by: (log10(xMax) - log10(xMin)) / 60).map { exponent in
                let x = pow(10, exponent)
                return (area.x(x), area.y(min(peak * computeScale, bandwidth * memoryScale * x)))
            }
        }
        svg.polyline(roof(1, 1), stroke: "#1f77b4", id: "roofline", label: "datasheet roofline")
        let e = result.hardware.efficiency ?? Efficiency()
        let ce = e.compute?.value ?? Efficiency.defaults.compute, me = e.memory?.value ?? Efficiency.defaults.memory
        svg.polyline(roof(ce, me), stroke: "#1f77b4", width: 1, dash: "5 3", id: "roofline-efficiency",
                     label: "with efficiency factors")
        for (index, point) in points.enumerated() where point.1.isFinite && point.1 > 0 {
            let attained = min(peak, bandwidth * point.1)
            let color = index == 0 ? "#ff7f0e" : "#2ca02c"
            svg.element("circle", [("id", "point-\(point.0)"), ("data-series", point.0), ("cx", SVGWriter.n(area.x(point.1))),
                                   ("cy", SVGWriter.n(area.y(attained))), ("r", "6"), ("fill", color)])
            let nearRight = area.x(point.1) > area.left + area.width * 0.6
            svg.text(area.x(point.1) + (nearRight ? -9 : 9), area.y(attained) + 18,
                     "\(point.0) (\(HumanUnits.significant(point.1)) FLOP/B)", size: 11, anchor: nearRight ? "end" : "start")
        }
        area.drawLegend(&svg, [("peak \(SizingUnits.flopsPerSecond(peak)), \(SizingUnits.bandwidth(bandwidth))",
                                "#1f77b4", nil, false),
                               ("with efficiency factors", "#1f77b4", "5 3", false),
                               ("prefill point", "#ff7f0e", nil, false), ("decode point", "#2ca02c", nil, false)])
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
