#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-step time over a grid of (batch, size) points, fitted monotone and interpolated in log space.
///
/// `size` is prompt tokens for a prefill surface and cached tokens for a decode surface. The fit makes the
/// grid non-decreasing along both axes, because a step over more sequences or more tokens does not take less
/// time and a dip is noise from the shared host: isotonic regression (pool-adjacent-violators, weighted by
/// sample count) along `size` for each batch row, then a running maximum along `batch` (which keeps the rows
/// monotone). Between grid points log2(seconds) is bilinear in (log2 batch, log2 size), so the surface passes
/// through every fitted point and stays monotone. Beyond the measured sizes (up to `maxExtrapolation` times
/// the edge) every row continues with one common log-log slope, the steepest edge slope of any row, so the
/// rows cannot cross; batches outside the measured range are not extrapolated.
public struct StepSurface: Hashable, Sendable {
    /// Measured batch sizes, strictly increasing.
    public let batches: [Int]
    /// Measured sizes (tokens), strictly increasing.
    public let sizes: [Int]
    /// Fitted seconds, `batches.count` rows of `sizes.count`, non-decreasing along both axes.
    public let fitted: [Double]
    /// How far beyond the smallest or largest measured size an estimate may reach, as a factor.
    public static let maxExtrapolation = 4.0
    /// Most points along one axis.
    public static let maxAxis = 64

    /// One estimate and whether it lies outside the measured sizes.
    public struct Estimate: Hashable, Sendable {
        public var seconds: Double
        public var extrapolated: Bool
    }

    /// Fits a surface to `seconds` (row-major, one row of `sizes.count` per batch).
    ///
    /// - Parameter weights: Samples behind each point (isotonic weights); nil counts each point once.
    /// - Throws: `CalibrationError.invalid` for an empty or unsorted axis, values below 1, a count that does
    ///   not match the axes, or a time that is not finite and positive.
    public init(batches: [Int], sizes: [Int], seconds: [Double], weights: [Double]? = nil) throws {
        try Self.check(axis: batches, name: "batches")
        try Self.check(axis: sizes, name: "sizes")
        guard seconds.count == batches.count * sizes.count, weights.map({ $0.count == seconds.count }) ?? true else {
            throw CalibrationError.invalid("step grid: \(seconds.count) times for \(batches.count) batches x \(sizes.count) sizes")
        }
        guard seconds.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw CalibrationError.invalid("step grid: every time must be finite and positive")
        }
        guard (weights ?? []).allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw CalibrationError.invalid("step grid: every weight must be finite and positive")
        }
        self.batches = batches
        self.sizes = sizes
        let n = sizes.count
        var rows = (0..<batches.count).map { b in
            Self.isotonic(Array(seconds[b * n..<(b + 1) * n]), weights: weights.map { Array($0[b * n..<(b + 1) * n]) })
        }
        for b in rows.indices.dropFirst() {
            for j in 0..<n { rows[b][j] = max(rows[b][j], rows[b - 1][j]) }
        }
        fitted = rows.flatMap { $0 }
    }

    static func check(axis: [Int], name: String) throws {
        guard !axis.isEmpty, axis.count <= maxAxis else {
            throw CalibrationError.invalid("step grid: \(name) must have 1...\(maxAxis) points, got \(axis.count)")
        }
        guard axis.allSatisfy({ $0 >= 1 && $0 <= 1 << 30 }) else {
            throw CalibrationError.invalid("step grid: \(name) must be 1...\(1 << 30), got \(axis.map(String.init).joined(separator: ", "))")
        }
        guard zip(axis, axis.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw CalibrationError.invalid("step grid: \(name) must be strictly increasing, got \(axis.map(String.init).joined(separator: ", "))")
        }
    }

    /// Weighted isotonic (non-decreasing) regression by pool-adjacent-violators.
    static func isotonic(_ values: [Double], weights: [Double]?) -> [Double] {
        var blocks: [(value: Double, weight: Double, count: Int)] = []
        for (i, v) in values.enumerated() {
            blocks.append((v, weights?[i] ?? 1, 1))
            while blocks.count > 1, blocks[blocks.count - 2].value > blocks[blocks.count - 1].value {
                let b = blocks.removeLast(), a = blocks.removeLast()
                let w = a.weight + b.weight
                blocks.append(((a.value * a.weight + b.value * b.weight) / w, w, a.count + b.count))
            }
        }
        return blocks.flatMap { Array(repeating: $0.value, count: $0.count) }
    }

    /// Seconds of one step of `batch` sequences at `size` tokens; nil outside the batches measured or more
    /// than `maxExtrapolation` times beyond the sizes measured.
    public func estimate(batch: Int, size: Int) -> Estimate? {
        guard batch >= 1, size >= 1, let b = Self.segment(batches, Double(batch)) else { return nil }
        let v = log2(Double(size)), lo = log2(Double(sizes[0])), hi = log2(Double(sizes[sizes.count - 1]))
        let reach = log2(Self.maxExtrapolation)
        guard v >= lo - reach - 1e-12, v <= hi + reach + 1e-12 else { return nil }
        let outside = v < lo - 1e-12 || v > hi + 1e-12
        if outside && sizes.count < 2 { return nil }
        let slope = outside ? edgeSlope(upper: v > hi) : 0
        func row(_ r: Int) -> Double {
            let base = r * sizes.count
            if v <= lo { return log2(fitted[base]) - slope * (lo - v) }
            if v >= hi { return log2(fitted[base + sizes.count - 1]) + slope * (v - hi) }
            let s = Self.segment(sizes, Double(size))!
            return (1 - s.t) * log2(fitted[base + s.lo]) + s.t * log2(fitted[base + s.hi])
        }
        let value = (1 - b.t) * row(b.lo) + b.t * row(b.hi)
        return Estimate(seconds: exp2(value), extrapolated: outside)
    }

    /// The steepest log-log slope over the rows' first or last size segment (0 or more).
    func edgeSlope(upper: Bool) -> Double {
        let n = sizes.count
        let (i, j) = upper ? (n - 2, n - 1) : (0, 1)
        let dv = log2(Double(sizes[j])) - log2(Double(sizes[i]))
        return (0..<batches.count).map { r in
            (log2(fitted[r * n + j]) - log2(fitted[r * n + i])) / dv
        }.max().map { max(0, $0) } ?? 0
    }

    /// The neighbours of `x` on `axis` and the position between them in log2 space; nil outside the axis.
    static func segment(_ axis: [Int], _ x: Double) -> (lo: Int, hi: Int, t: Double)? {
        guard let first = axis.first, let last = axis.last, x >= Double(first), x <= Double(last) else { return nil }
        guard axis.count > 1 else { return (0, 0, 0) }
        for i in 0..<(axis.count - 1) where x <= Double(axis[i + 1]) {
            let a = log2(Double(axis[i])), b = log2(Double(axis[i + 1]))
            return (i, i + 1, (log2(x) - a) / (b - a))
        }
        return (axis.count - 1, axis.count - 1, 0)
    }
}
