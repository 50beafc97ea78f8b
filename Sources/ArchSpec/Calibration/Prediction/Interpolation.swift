/// Piecewise-linear interpolation of a rate over log2 of a size (Vidur-style lookup between profiled points).
enum Interpolation {
    /// The rate at `x` from (size, rate) points: linear in log2(size) between neighbours; beyond the largest
    /// size the largest point's rate; below the smallest, that point's rate scaled by x / size (a fixed
    /// per-call time, as in the weight-streaming regime).
    static func rate(at x: Double, points: [(size: Double, rate: Double)]) -> Double? {
        let sorted = points.filter { $0.size > 0 && $0.rate > 0 }.sorted { $0.size < $1.size }
        guard let first = sorted.first, let last = sorted.last else { return nil }
        if x <= first.size { return first.rate * x / first.size }
        if x >= last.size { return last.rate }
        for (lo, hi) in zip(sorted, sorted.dropFirst()) where x <= hi.size {
            let t = (log2(x) - log2(lo.size)) / (log2(hi.size) - log2(lo.size))
            return lo.rate + t * (hi.rate - lo.rate)
        }
        return last.rate
    }

    /// log2 without Foundation.
    static func log2(_ x: Double) -> Double {
        guard x > 0 else { return -.infinity }
        let e = Double(x.exponent)
        let m = x.significand  // [1, 2)
        // log2(m) by the series of ln((1+y)/(1-y)) with y = (m-1)/(m+1); |y| <= 1/3.
        let y = (m - 1) / (m + 1), y2 = y * y
        var term = y, sum = 0.0
        for i in stride(from: 1, through: 39, by: 2) {
            sum += term / Double(i)
            term *= y2
        }
        return e + 2 * sum / 0.693_147_180_559_945_3
    }
}
