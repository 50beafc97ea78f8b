
/// The SVG chart of `archcalc recommend --plot`: the Pareto frontier (tokens/s per device against tokens/s per
/// user, both linear from 0) with each frontier point, and the recommended deployment's operating point.
public enum ServingChart {
    public static func svg(_ plan: ServingPlan) -> String {
        var svg = SVGWriter(width: 760, height: 500)
        let points = plan.frontier
        var best: (Double, Double)?
        if let d = plan.best, d.tpotP50 > 0 { best = (1 / d.tpotP50, d.tokensPerSecondPerDevice) }
        let xNeed = max(points.map(\.tokensPerSecondPerUser).max() ?? 1, best?.0 ?? 0)
        let yNeed = max(points.map(\.tokensPerSecondPerDevice).max() ?? 1, best?.1 ?? 0)
        let (xTop, xTicks) = PlotArea.niceScale(xNeed)
        let (yTop, yTicks) = PlotArea.niceScale(yNeed)
        let area = PlotArea(left: 90, top: 50, width: 620, height: 340, xRange: 0...xTop, yRange: 0...yTop,
                            xLog: false, yLog: false)
        area.drawAxes(&svg, title: "\(plan.model): throughput per device against speed per user",
                      xTitle: "output tokens/s per user", yTitle: "output tokens/s per device",
                      xTicks: xTicks.map { ($0, ServingNumbers.plain($0)) },
                      yTicks: yTicks.map { ($0, ServingNumbers.plain($0)) })
        let pixels = points.map { (area.x($0.tokensPerSecondPerUser), area.y($0.tokensPerSecondPerDevice)) }
        svg.polyline(pixels, stroke: "#1f77b4", id: "frontier", label: "Pareto frontier")
        for (index, point) in points.enumerated() {
            svg.element("circle", [("cx", SVGWriter.n(pixels[index].0)), ("cy", SVGWriter.n(pixels[index].1)),
                                   ("r", "3"), ("fill", "#1f77b4"), ("data-series", "frontier-point"),
                                   ("data-config", point.config.description)])
        }
        var legend: [(String, String, String?, Bool)] = [("Pareto frontier at saturation", "#1f77b4", nil, false)]
        if let best {
            svg.element("circle", [("id", "recommended"), ("cx", SVGWriter.n(area.x(best.0))),
                                   ("cy", SVGWriter.n(area.y(best.1))), ("r", "6"), ("fill", "none"),
                                   ("stroke", "#d62728"), ("stroke-width", "2"), ("data-series", "recommended")])
            legend.append(("recommended deployment at the requested rate", "#d62728", nil, false))
        }
        area.drawLegend(&svg, legend)
        return svg.document
    }
}
