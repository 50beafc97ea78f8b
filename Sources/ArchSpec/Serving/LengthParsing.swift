/// Parses `--input` and `--output` lengths: `2048`, `2k`, `normal:2048,512`, `uniform:1k..4k`,
/// `lognormal:2048,0.6` (median, sigma).
extension LengthDistribution {
    /// The distribution `text` names.
    ///
    /// - Throws: `ServingError.invalidDistribution` naming what is wrong and the accepted forms.
    public static func parse(_ text: String) throws(ServingError) -> LengthDistribution {
        let trimmed = text.trimmingBlanks()
        guard let colon = trimmed.firstIndex(of: ":") else { return .fixed(try tokens(trimmed, in: text)) }
        let kind = trimmed[..<colon].lowercased()
        let body = String(trimmed[trimmed.index(after: colon)...])
        switch kind {
        case "fixed": return .fixed(try tokens(body, in: text))
        case "normal":
            let (mean, sd) = try pair(body, in: text)
            let m = try tokens(mean, in: text), s = try number(sd, in: text, what: "standard deviation")
            guard s <= m * 10 else { throw bad(text, "standard deviation \(sd) is over 10x the mean") }
            return .normal(mean: m, sd: s)
        case "uniform":
            let parts = body.split(separator: "..", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else { throw bad(text, "uniform needs LOW..HIGH") }
            let low = try tokens(parts[0], in: text), high = try tokens(parts[1], in: text)
            guard low <= high else { throw bad(text, "low \(parts[0]) is above high \(parts[1])") }
            return .uniform(low: low, high: high)
        case "lognormal":
            let (median, sigma) = try pair(body, in: text)
            let s = try number(sigma, in: text, what: "sigma")
            guard s <= 3 else { throw bad(text, "sigma \(sigma) is above 3 (the mean would be over 90x the median)") }
            return .lognormal(median: try tokens(median, in: text), sigma: s)
        default:
            throw bad(text, "unknown distribution '\(kind)'")
        }
    }

    static let forms = "use N (2048, 2k), normal:MEAN,SD, uniform:LOW..HIGH or lognormal:MEDIAN,SIGMA"

    static func bad(_ text: String, _ why: String) -> ServingError {
        .invalidDistribution("'\(Escaping.short(text))': \(why); \(forms)")
    }

    static func pair(_ body: String, in text: String) throws(ServingError) -> (String, String) {
        let parts = body.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { throw bad(text, "expected two values separated by a comma") }
        return (parts[0], parts[1])
    }

    /// A token count of at least 1 and at most `maxTokens` (`2048`, `2k`, `1.5k`, `1M`).
    static func tokens(_ raw: String, in text: String) throws(ServingError) -> Double {
        let value = raw.trimmingBlanks()
        var multiplier = 1.0, digits = Substring(value)
        switch value.last {
        case "k", "K": multiplier = 1024; digits = digits.dropLast()
        case "m", "M": multiplier = 1024 * 1024; digits = digits.dropLast()
        default: break
        }
        guard let number = Double(digits), number.isFinite else { throw bad(text, "'\(raw)' is not a token count") }
        let tokens = number * multiplier
        guard tokens >= 1 else { throw bad(text, "'\(raw)' is below 1 token") }
        guard tokens <= maxTokens else { throw bad(text, "'\(raw)' is beyond \(Int(maxTokens)) tokens") }
        return tokens
    }

    static func number(_ raw: String, in text: String, what: String) throws(ServingError) -> Double {
        guard let value = Double(raw.trimmingBlanks()), value.isFinite, value >= 0 else {
            throw bad(text, "\(what) '\(raw)' is not a non-negative number")
        }
        return value
    }
}
