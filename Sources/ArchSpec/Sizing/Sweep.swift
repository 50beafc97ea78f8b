#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A range of contexts or batches to size across: `context=1k..128k`, `batch=1..256`, `context=1k..128k:64`.
public struct Sweep: Hashable, Codable, Sendable {
    public enum Axis: String, Hashable, Codable, Sendable { case context, batch }

    public var axis: Axis
    /// The values, ascending and distinct.
    public var values: [Int]

    /// Most points one sweep may size. Each point is a full sizing run (up to about 2 ms for a 405B model on
    /// a power-of-two device search), so the largest sweep stays under a second of CPU (docs/hardening.md).
    public static let maxPoints = 256
    /// Most points with `anyDeviceCount`, whose search tries every device count up to `maxDevices` at each
    /// point (up to about 40 ms and 500 layout attempts in the JSON output per point).
    public static let maxPointsAnyDeviceCount = 16

    /// The point limit for a request.
    public static func maxPoints(anyDeviceCount: Bool) -> Int { anyDeviceCount ? maxPointsAnyDeviceCount : maxPoints }

    public init(axis: Axis, values: [Int]) {
        self.axis = axis
        self.values = values
    }

    /// Parses `AXIS=FROM..TO` (doubling), `AXIS=FROM..TO:N` (N log-spaced points) or `AXIS=FROM..TO+STEP`
    /// (linear). `k` multiplies by 1024 (`128k` = 131072), `m` by 1048576.
    ///
    /// - Throws: `SizingError.invalidSweep` for a malformed sweep, or one of more than `maxPoints` points (never
    ///   cut silently).
    public static func parse(_ text: String, maxPoints: Int = maxPoints) throws(SizingError) -> Sweep {
        let shown = Escaping.short(text, limit: 60)
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let axis = Axis(rawValue: parts[0].lowercased()) else {
            throw .invalidSweep("sweep '\(shown)' must look like context=1k..128k or batch=1..256")
        }
        let body = parts[1]
        guard let range = body.firstRange(of: "..") else {
            throw .invalidSweep("sweep '\(shown)' needs FROM..TO, for example \(axis.rawValue)=1..256")
        }
        let fromText = String(body[..<range.lowerBound])
        var rest = String(body[range.upperBound...])
        var points: Int?, step: Int?
        if let colon = rest.firstIndex(of: ":") {
            points = Int(rest[rest.index(after: colon)...])
            if points == nil || points! < 2 || points! > max(2, maxPoints) {
                throw .invalidSweep("sweep '\(shown)': the point count after ':' must be in 2...\(max(2, maxPoints))")
            }
            rest = String(rest[..<colon])
        } else if let plus = rest.firstIndex(of: "+") {
            step = size(String(rest[rest.index(after: plus)...]))
            if step == nil || step! < 1 { throw .invalidSweep("sweep '\(shown)': the step after '+' must be at least 1") }
            rest = String(rest[..<plus])
        }
        guard let from = size(fromText), let to = size(rest), from >= 1, to >= from else {
            throw .invalidSweep("sweep '\(shown)': FROM and TO must be positive with FROM <= TO (use k for 1024)")
        }
        guard to <= 1 << 40 else { throw .invalidSweep("sweep '\(shown)': TO is too large") }
        if let step, (to - from) / step + 1 > maxPoints {
            throw .invalidSweep("sweep '\(shown)': \((to - from) / step + 1) points; the limit is \(maxPoints) (use a larger step, "
                                + "or FROM..TO:N for N log-spaced points)")
        }
        if step == nil, points == nil, maxPoints < 42 {
            // Doubling from 1 to 2^40 is at most 41 points.
            var count = 1, value = from
            while value < to { value *= 2; count += 1 }
            if count > maxPoints { throw .invalidSweep("sweep '\(shown)': \(count) points; the limit is \(maxPoints)") }
        }
        return Sweep(axis: axis, values: values(from: from, to: to, points: points, step: step))
    }

    static func values(from: Int, to: Int, points: Int?, step: Int?) -> [Int] {
        var result: [Int] = []
        if let step {
            var value = from
            while value <= to {
                result.append(value)
                let (next, overflow) = value.addingReportingOverflow(step)
                if overflow { break }
                value = next
            }
        } else if let points {
            let ratio = Double(to) / Double(from)
            for index in 0..<points {
                let value = Int((Double(from) * pow(ratio, Double(index) / Double(points - 1))).rounded())
                if result.last != value { result.append(min(max(value, from), to)) }
            }
        } else {
            var value = from
            while value < to, value <= Int.max / 2 { result.append(value); value *= 2 }
            result.append(to)
        }
        return result
    }

    /// `4096`, `4k`, `128K`, `1m`.
    public static func size(_ text: String) -> Int? {
        let trimmed = text.trimmingBlanks().lowercased()
        if trimmed.hasSuffix("k"), let value = Int(trimmed.dropLast()) { return value.multipliedReportingOverflow(by: 1024).overflow ? nil : value * 1024 }
        if trimmed.hasSuffix("m"), let value = Int(trimmed.dropLast()) { return value.multipliedReportingOverflow(by: 1 << 20).overflow ? nil : value << 20 }
        return Int(trimmed)
    }

    /// Sizes every point, each with the rest of `request` unchanged.
    ///
    /// - Throws: `SizingError.invalidSweep` when the sweep has more points than `maxPoints(anyDeviceCount:)`.
    public func run(
        _ spec: ArchitectureSpec, on hardware: HardwareProfile, request: SizingRequest
    ) throws(SizingError) -> [SizingResult] {
        let limit = Self.maxPoints(anyDeviceCount: request.anyDeviceCount)
        guard values.count <= limit else {
            throw .invalidSweep("a sweep of \(values.count) points is more than the limit of \(limit)")
        }
        var results: [SizingResult] = []
        results.reserveCapacity(values.count)
        for value in values {
            var point = request
            switch axis {
            case .context: point.context = value
            case .batch: point.batch = value
            }
            results.append(try Sizer.size(spec, on: hardware, request: point))
        }
        return results
    }
}
