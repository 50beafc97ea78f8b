/// How the planner writes a rate or count in its messages: three significant digits, trailing zeros dropped,
/// thousands grouped (`4`, `0.5`, `12.4`, `1,024`).
enum ServingNumbers {
    static func plain(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        if value >= 1000 { return HumanUnits.grouped(Int128(min(value, 1e30).rounded())) }
        var text = HumanUnits.significant(value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
