/// How spread out a set of timed samples is: percentiles and the median absolute deviation.
///
/// Percentiles interpolate linearly between order statistics (numpy's default), so with three samples
/// p10 and p90 sit close to the fastest and slowest. `relative` is the figure `validate` compares with its
/// noise threshold.
public struct Dispersion: Hashable, Codable, Sendable {
    /// Samples behind the figures.
    public var count: Int
    /// 10th, 50th and 90th percentile, seconds.
    public var p10: Double
    public var p50: Double
    public var p90: Double
    /// Median absolute deviation from the median, seconds.
    public var mad: Double

    enum CodingKeys: String, CodingKey { case count, p10 = "p10_s", p50 = "p50_s", p90 = "p90_s", mad = "mad_s" }

    public init(_ samples: [Double]) {
        let s = samples.filter { $0.isFinite }.sorted()
        count = s.count
        p10 = Self.percentile(s, 0.10)
        p50 = Self.percentile(s, 0.50)
        p90 = Self.percentile(s, 0.90)
        let median = p50
        mad = Self.percentile(s.map { abs($0 - median) }.sorted(), 0.50)
    }

    /// (p90 - p10) / p50: 0 for identical samples, 0.2 when the middle 80% spans a fifth of the median.
    public var relative: Double { p50 > 0 ? (p90 - p10) / p50 : 0 }

    /// The `q` quantile (0...1) of sorted values, linear between order statistics; 0 for none.
    static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        guard let first = sorted.first else { return 0 }
        guard sorted.count > 1 else { return first }
        let position = q * Double(sorted.count - 1)
        let lo = Int(position), hi = min(lo + 1, sorted.count - 1)
        let t = position - Double(lo)
        return sorted[lo] + t * (sorted[hi] - sorted[lo])
    }
}
