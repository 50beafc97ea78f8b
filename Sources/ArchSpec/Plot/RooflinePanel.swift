#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The right panel of `size --plot`: one device's roofline (datasheet and with efficiency factors) and the
/// prefill and decode points of the sized configuration.
enum RooflinePanel {
    static func draw(_ svg: inout SVGWriter, result: SizingResult) {
        let peak = result.prefill.peakFlopsPerDevice, bandwidth = result.hardware.memoryBandwidth.value
        let points = [("prefill", result.prefill.arithmeticIntensity), ("decode", result.decode.arithmeticIntensity)]
        let intensities = points.map(\.1).filter { $0.isFinite && $0 > 0 }
        let xMin = min(0.1, (intensities.min() ?? 1) / 3), xMax = max(1e4, (intensities.max() ?? 1) * 3)
        let yMin = bandwidth * xMin, yMax = peak * 3
        let area = PlotArea(left: 670, top: SizingChart.panelTop, width: 400, height: 330,
                            xRange: xMin...xMax, yRange: yMin...yMax, xLog: true, yLog: true)
        area.drawAxes(&svg, title: "Roofline, one device (\(result.computeDType.rawValue) peak)",
                      xTitle: "arithmetic intensity (FLOP/byte, log scale)", yTitle: "attainable FLOP/s (log scale)",
                      xTicks: PlotArea.decadeTicks(xMin...xMax, label: SizingChart.tickLabel),
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
}
