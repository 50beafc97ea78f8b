/// Parses the planner's option values, so the CLI turns text into typed values without doing library work.
public enum ServingArguments {
    /// A duration: `1s`, `20ms`, `500 us`, or a bare number of seconds.
    public static func duration(_ text: String) throws(ServingError) -> Double {
        guard let value = QuantityParser.parse(text, as: Seconds.self), value.isFinite, value > 0 else {
            throw .invalidOption("'\(Escaping.short(text))' is not a positive duration such as 1s, 200ms or 500us")
        }
        return value
    }

    /// A bandwidth: `50 GB/s`, `400 Gb/s`.
    public static func bandwidth(_ text: String) throws(ServingError) -> Double {
        guard let value = QuantityParser.parse(text, as: BytesPerSecond.self), value.isFinite, value > 0 else {
            throw .invalidOption("'\(Escaping.short(text))' is not a positive bandwidth such as 50 GB/s or 400 Gb/s")
        }
        return value
    }

    /// A share in 0..<1: `0.3` or `30%`.
    public static func share(_ text: String) throws(ServingError) -> Double {
        guard let value = QuantityParser.parse(text, as: Fraction.self), value.isFinite, value >= 0, value < 1 else {
            throw .invalidOption("'\(Escaping.short(text))' is not a share in 0..<1 such as 0.3 or 30%")
        }
        return value
    }

    /// A request rate, requests per second: `4`, `0.5`, `1e3`.
    public static func rate(_ text: String) throws(ServingError) -> Double {
        guard let value = Double(text.trimmingBlanks()), value.isFinite else {
            throw .invalidOption("'\(Escaping.short(text))' is not a request rate in requests/s")
        }
        return value
    }

    /// Degrees or sizes: `1,2,4`, `1..8` (the powers of two from 1 to 8), `2k`; each at most `limit`.
    public static func integers(_ text: String, name: String, limit: Int) throws(ServingError) -> [Int] {
        var result: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let piece = String(part).trimmingBlanks()
            let bounds = piece.split(separator: "..", omittingEmptySubsequences: false).map(String.init)
            let numbers = bounds.map { Sweep.size($0) }
            guard bounds.count <= 2, let first = numbers.first ?? nil, let last = numbers.last ?? nil,
                  first >= 1, last >= first, last <= limit else {
                throw .invalidOption("--\(name) '\(Escaping.short(text))': give values in 1...\(limit) as 1,2,4 or 1..8")
            }
            var value = first
            while value <= last {
                if !result.contains(value) { result.append(value) }
                guard result.count <= 64 else { throw .invalidOption("--\(name): at most 64 values") }
                if value > last / 2 { break }
                value *= 2
            }
        }
        return result
    }

    /// `2.5` (every device kind) or `h100-sxm=2.5`: dollars per device-hour.
    public static func price(_ text: String) throws(ServingError) -> (id: String, dollars: Double) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        let id = parts.count == 2 ? parts[0].trimmingBlanks() : "*"
        let raw = (parts.last ?? "").trimmingBlanks().replacingAll("$", with: "")
        guard !id.isEmpty, let dollars = Double(raw), dollars.isFinite, dollars >= 0, dollars < 1e6 else {
            throw .invalidOption("--price '\(Escaping.short(text))': give dollars per device-hour as 2.5 or h100-sxm=2.5")
        }
        return (id, dollars)
    }
}
