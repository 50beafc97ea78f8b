#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A curve with the document it came from: y against x, interpolated linearly in log10(x) between points and
/// held flat beyond the ends (the same rule as `EfficiencyCurve`).
///
/// In YAML: `{source: "...", points: [{x: 1, y: 0.3}, {x: 1024, y: 0.75}]}`. What x and y measure is stated
/// by the field that holds the curve.
public struct SourcedCurve: Hashable, Codable, Sendable {
    /// Points sorted by x, x > 0.
    public var points: [CurvePoint]
    /// Where the points come from: a publication, "measured: ..." or "fitted: ...".
    public var source: String?

    public init(_ points: [(Double, Double)], source: String? = nil) {
        self.points = points.map { CurvePoint(x: $0.0, y: $0.1) }.sorted { $0.x < $1.x }
        self.source = source
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case points, source }

    /// The interpolated value at `x`; 0 for an empty curve.
    public func value(at x: Double) -> Double {
        EfficiencyCurve(operator: .matmul, points: points).value(at: x) ?? 0
    }
}

/// One curve per matmul dtype. A dtype without its own curve uses `bf16`'s.
public struct DTypeCurves: Hashable, Codable, Sendable {
    public var bf16: SourcedCurve?
    public var fp8: SourcedCurve?
    public var int8: SourcedCurve?
    public var int4: SourcedCurve?
    public var fp4: SourcedCurve?

    public init(bf16: SourcedCurve? = nil, fp8: SourcedCurve? = nil, int8: SourcedCurve? = nil,
                int4: SourcedCurve? = nil, fp4: SourcedCurve? = nil) {
        self.bf16 = bf16
        self.fp8 = fp8
        self.int8 = int8
        self.int4 = int4
        self.fp4 = fp4
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case bf16, fp8, int8, int4, fp4 }

    /// The curve for a dtype of `bits` bits (`float`: fp8/fp4 rather than int8/int4), if this set has one.
    public func curve(bits: Int, float: Bool) -> SourcedCurve? {
        switch bits {
        case ...4: float ? fp4 : int4
        case 5...8: float ? fp8 : int8
        default: bf16
        }
    }

    /// Each dtype's curve from `self`, else from `base`.
    public func merged(over base: DTypeCurves) -> DTypeCurves {
        DTypeCurves(bf16: bf16 ?? base.bf16, fp8: fp8 ?? base.fp8, int8: int8 ?? base.int8, int4: int4 ?? base.int4,
                    fp4: fp4 ?? base.fp4)
    }
}
