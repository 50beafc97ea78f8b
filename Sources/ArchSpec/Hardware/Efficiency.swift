#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How much of the datasheet peak a real workload achieves: scalar fractions and, when measured, curves.
///
/// The sizing model multiplies peaks by these fractions. A curve for an operator replaces the scalar for that
/// operator; calibration writes curves measured on the device, each with its `source`.
public struct Efficiency: Hashable, Codable, Sendable {
    /// Fraction of peak dense FLOP/s a large matmul achieves. `nil`: `Efficiency.defaults.compute`.
    public var compute: Sourced<Fraction>?
    /// Fraction of peak memory bandwidth a streaming read achieves. `nil`: the default.
    public var memory: Sourced<Fraction>?
    /// Fraction of per-direction interconnect bandwidth a collective achieves. `nil`: the default.
    public var communication: Sourced<Fraction>?
    /// Measured curves: achieved fraction against problem size, per operator.
    public var curves: [EfficiencyCurve]

    public init(
        compute: Sourced<Fraction>? = nil, memory: Sourced<Fraction>? = nil,
        communication: Sourced<Fraction>? = nil, curves: [EfficiencyCurve] = []
    ) {
        self.compute = compute
        self.memory = memory
        self.communication = communication
        self.curves = curves
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case compute, memory, communication, curves }

    public init(from decoder: any Decoder) throws {
        let keyed = try decoder.container(keyedBy: CodingKeys.self)
        compute = try keyed.decodeIfPresent(Sourced<Fraction>.self, forKey: .compute)
        memory = try keyed.decodeIfPresent(Sourced<Fraction>.self, forKey: .memory)
        communication = try keyed.decodeIfPresent(Sourced<Fraction>.self, forKey: .communication)
        curves = try keyed.decodeIfPresent([EfficiencyCurve].self, forKey: .curves) ?? []
    }

    /// The documented defaults (`docs/hardware.md`): typical fractions for tuned inference kernels, not measured.
    public static let defaults = (compute: 0.70, memory: 0.80, communication: 0.75)
    /// Fixed cost of one collective when the profile gives none, seconds.
    public static let defaultLatency = 10e-6

    /// The fraction for `op` at problem size `x` (units as the curve's `axis`).
    public func fraction(for op: EfficiencyOperator, at x: Double) -> Double {
        if let curve = curves.first(where: { $0.operator == op }), let y = curve.value(at: x) { return y }
        switch op {
        case .matmul, .attention: return compute?.value ?? Self.defaults.compute
        case .memory: return memory?.value ?? Self.defaults.memory
        case .allreduce, .send: return communication?.value ?? Self.defaults.communication
        }
    }
}

/// The operators an efficiency curve can describe.
public enum EfficiencyOperator: String, Hashable, Codable, Sendable, CaseIterable {
    /// Weight matmuls (q, k, v, o, MLP, lm_head); x is arithmetic intensity, FLOP/byte.
    case matmul
    /// Attention score and value matmuls; x is arithmetic intensity, FLOP/byte.
    case attention
    /// Streaming reads from device memory; x is bytes read.
    case memory
    /// Tensor-parallel all-reduce; x is message bytes.
    case allreduce
    /// Pipeline point-to-point send; x is message bytes.
    case send

    /// What x measures for this operator.
    public var axis: String {
        switch self {
        case .matmul, .attention: "arithmetic intensity, FLOP/byte"
        case .memory: "bytes read"
        case .allreduce, .send: "message bytes"
        }
    }
}

/// Achieved fraction of peak against problem size for one operator, interpolated linearly in log10(x) between
/// points and held flat beyond the ends.
public struct EfficiencyCurve: Hashable, Codable, Sendable {
    public var `operator`: EfficiencyOperator
    /// Points sorted by x: problem size (see `EfficiencyOperator.axis`) and achieved fraction of peak (0...1).
    public var points: [CurvePoint]
    /// Where the curve comes from (`measured: archcalc calibrate on ... at ...`).
    public var source: String?

    public init(operator: EfficiencyOperator, points: [CurvePoint], source: String? = nil) {
        self.operator = `operator`
        self.points = points.sorted { $0.x < $1.x }
        self.source = source
    }

    /// The interpolated fraction at `x`, or `nil` for an empty curve.
    public func value(at x: Double) -> Double? {
        guard let first = points.first, let last = points.last else { return nil }
        if x <= first.x { return first.y }
        if x >= last.x { return last.y }
        for (lower, upper) in zip(points, points.dropFirst()) where x <= upper.x {
            guard lower.x > 0, upper.x > lower.x else { return upper.y }
            let t = (log10(x) - log10(lower.x)) / (log10(upper.x) - log10(lower.x))
            return lower.y + t * (upper.y - lower.y)
        }
        return last.y
    }
}

/// One measured point of an efficiency curve.
public struct CurvePoint: Hashable, Codable, Sendable {
    /// Problem size in the operator's axis unit.
    public var x: Double
    /// Achieved fraction of peak, 0...1.
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
