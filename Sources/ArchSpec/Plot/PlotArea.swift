#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A rectangle of the canvas with a linear or log10 mapping on each axis, and its axes, ticks and labels.
struct PlotArea {
    var left: Double, top: Double, width: Double, height: Double
    var xRange: ClosedRange<Double>, yRange: ClosedRange<Double>
    var xLog: Bool, yLog: Bool

    func x(_ value: Double) -> Double { left + width * fraction(value, xRange, xLog) }
    func y(_ value: Double) -> Double { top + height * (1 - fraction(value, yRange, yLog)) }

    /// A linear-axis y without clamping, for series drawn under `clip(_:id:)`.
    func yLinear(_ value: Double) -> Double {
        top + height * (1 - (value - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound))
    }

    /// Defines a clip path of the plot rectangle named `id`.
    func clip(_ svg: inout SVGWriter, id: String) {
        svg.raw("<defs><clipPath id=\"\(id)\"><rect x=\"\(SVGWriter.n(left))\" y=\"\(SVGWriter.n(top))\" "
            + "width=\"\(SVGWriter.n(width))\" height=\"\(SVGWriter.n(height))\"/></clipPath></defs>")
    }

    private func fraction(_ value: Double, _ range: ClosedRange<Double>, _ log: Bool) -> Double {
        let (low, high, v) = log
            ? (log10(range.lowerBound), log10(range.upperBound), log10(max(value, range.lowerBound)))
            : (range.lowerBound, range.upperBound, value)
        guard high > low else { return 0 }
        return min(max((v - low) / (high - low), 0), 1)
    }

    /// Frame, ticks, tick labels, grid, axis titles and the panel title.
    func drawAxes(_ svg: inout SVGWriter, title: String, xTitle: String, yTitle: String,
                  xTicks: [(Double, String)], yTicks: [(Double, String)]) {
        svg.element("rect", [("x", SVGWriter.n(left)), ("y", SVGWriter.n(top)), ("width", SVGWriter.n(width)),
                             ("height", SVGWriter.n(height)), ("fill", "none"), ("stroke", "#333")])
        for (value, label) in xTicks {
            let px = x(value)
            svg.line(px, top, px, top + height, stroke: "#e4e4e4")
            svg.line(px, top + height, px, top + height + 5, stroke: "#333")
            svg.text(px, top + height + 18, label, size: 11, anchor: "middle")
        }
        for (value, label) in yTicks {
            let py = y(value)
            svg.line(left, py, left + width, py, stroke: "#e4e4e4")
            svg.line(left - 5, py, left, py, stroke: "#333")
            svg.text(left - 8, py + 4, label, size: 11, anchor: "end")
        }
        svg.text(left + width / 2, top - 12, title, size: 14, anchor: "middle", weight: "bold")
        svg.text(left + width / 2, top + height + 40, xTitle, size: 12, anchor: "middle")
        let labelWidth = 6.5 * Double(yTicks.map(\.1.count).max() ?? 4)
        svg.text(left - 22 - labelWidth, top + height / 2, yTitle, size: 12, anchor: "middle", rotate: true)
    }

    /// A legend box below the x-axis title, in two columns: (label, colour, dash, isBand).
    func drawLegend(_ svg: inout SVGWriter, _ entries: [(String, String, String?, Bool)]) {
        let rows = (entries.count + 1) / 2
        let boxTop = top + height + 52
        svg.element("rect", [("x", SVGWriter.n(left)), ("y", SVGWriter.n(boxTop)), ("width", SVGWriter.n(width)),
                             ("height", SVGWriter.n(Double(rows) * 16 + 8)), ("fill", "white"),
                             ("stroke", "#999"), ("class", "legend")])
        for (index, entry) in entries.enumerated() {
            let column = Double(index / rows), row = Double(index % rows)
            let left = self.left - 6 + column * width / 2
            let rowY = boxTop + 12 + row * 16
            if entry.3 {
                svg.element("rect", [("x", SVGWriter.n(left + 14)), ("y", SVGWriter.n(rowY - 6)), ("width", "22"),
                                     ("height", "10"), ("fill", entry.1), ("fill-opacity", "0.35")])
            } else {
                svg.line(left + 14, rowY, left + 36, rowY, stroke: entry.1, width: 2, dash: entry.2)
            }
            svg.text(left + 42, rowY + 4, entry.0, size: 11)
        }
    }

    /// Powers of ten within `range`, labelled by `label`.
    static func decadeTicks(_ range: ClosedRange<Double>, label: (Double) -> String) -> [(Double, String)] {
        var ticks: [(Double, String)] = []
        var value = pow(10, floor(log10(range.lowerBound)))
        while value <= range.upperBound * 1.0001 {
            if value >= range.lowerBound * 0.9999 { ticks.append((value, label(value))) }
            value *= 10
        }
        return ticks
    }

    /// Powers of ten within `range`, or 1, 2 and 5 times them when the range spans fewer than three decades.
    static func logTicks(_ range: ClosedRange<Double>, label: (Double) -> String) -> [(Double, String)] {
        let decades = decadeTicks(range, label: label)
        if decades.count >= 3 { return decades }
        var ticks: [(Double, String)] = []
        var base = pow(10, floor(log10(range.lowerBound)))
        while base <= range.upperBound * 1.0001 {
            for value in [base, 2 * base, 5 * base] where value >= range.lowerBound * 0.9999 && value <= range.upperBound * 1.0001 {
                ticks.append((value, label(value)))
            }
            base *= 10
        }
        return ticks
    }

    /// A linear scale from 0 that reaches `needed`: round ticks (steps of 1, 2, 2.5 or 5 times a power of ten,
    /// about `count` of them) and the top, the first tick at or above `needed`.
    static func niceScale(_ needed: Double, count: Int = 6) -> (top: Double, ticks: [Double]) {
        guard needed > 0, needed.isFinite else { return (1, [0, 1]) }
        let raw = needed / Double(max(count, 1))
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        let top = (needed / step).rounded(.up) * step
        return (top, stride(from: 0, through: top + step / 2, by: step).map { $0 })
    }

    /// Powers of two within `range` (log axis), at most `most` of them (every other one, and so on, when
    /// more), labelled by `label`.
    static func powerOfTwoTicks(_ range: ClosedRange<Double>, most: Int = 8, label: (Double) -> String) -> [(Double, String)] {
        var values: [Double] = []
        var value = pow(2, ceil(log2(max(range.lowerBound, 1)) - 1e-9))
        while value <= range.upperBound * 1.0001 { values.append(value); value *= 2 }
        let stride = max(1, (values.count + most - 1) / max(most, 1))
        return values.enumerated().filter { $0.offset % stride == 0 }.map { ($0.element, label($0.element)) }
    }

    /// A vertical line across the plot at `value` with `label` written upward beside it (inside the plot).
    func verticalMarker(_ svg: inout SVGWriter, at value: Double, label: String, color: String, dash: String?, id: String) {
        let px = x(value)
        svg.line(px, top, px, top + height, stroke: color, width: 1.5, dash: dash, id: id)
        let textX = px - 5 < left + 12 ? px + 14 : px - 5
        svg.text(textX, top + height - 6, label, size: 11, anchor: "start", rotate: true)
    }
}
