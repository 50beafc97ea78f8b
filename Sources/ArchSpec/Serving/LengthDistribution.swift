#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A distribution of token counts (prompt or output lengths) as the planner reads it: its mean, second moment
/// and quantiles, in closed form.
///
/// Lengths are at least 1 token; a normal distribution is clipped below at 1 only in its quantiles (its mean and
/// variance are the given ones, documented in docs/serving.md).
public enum LengthDistribution: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Every request has this many tokens.
    case fixed(Double)
    /// Normal with this mean and standard deviation, tokens.
    case normal(mean: Double, sd: Double)
    /// Uniform between the two bounds, tokens.
    case uniform(low: Double, high: Double)
    /// Log-normal with this median (tokens) and sigma (the standard deviation of the log).
    case lognormal(median: Double, sigma: Double)

    /// The largest length any form accepts, tokens (beyond every model's context).
    public static let maxTokens = 1e9

    /// Mean length, tokens.
    public var mean: Double {
        switch self {
        case .fixed(let value): value
        case .normal(let mean, _): mean
        case .uniform(let low, let high): (low + high) / 2
        case .lognormal(let median, let sigma): median * exp(sigma * sigma / 2)
        }
    }

    /// E[X^2], tokens^2.
    public var secondMoment: Double {
        switch self {
        case .fixed(let value): value * value
        case .normal(let mean, let sd): mean * mean + sd * sd
        case .uniform(let low, let high): (low * low + low * high + high * high) / 3
        case .lognormal(let median, let sigma): median * median * exp(2 * sigma * sigma)
        }
    }

    /// The `p` quantile (0 < p < 1), tokens, at least 1.
    public func quantile(_ p: Double) -> Double {
        let value: Double = switch self {
        case .fixed(let value): value
        case .normal(let mean, let sd): mean + sd * Normal.inverse(p)
        case .uniform(let low, let high): low + (high - low) * p
        case .lognormal(let median, let sigma): median * exp(sigma * Normal.inverse(p))
        }
        return max(1, value)
    }

    /// The length the planner checks against the model's context: the largest value (uniform, fixed) or the
    /// 0.999 quantile (normal, log-normal).
    public var checkedMaximum: Double {
        switch self {
        case .fixed(let value): value
        case .uniform(_, let high): high
        case .normal, .lognormal: quantile(0.999)
        }
    }

    public var description: String {
        switch self {
        case .fixed(let value): Self.tokens(value)
        case .normal(let mean, let sd): "normal:\(Self.tokens(mean)),\(Self.tokens(sd))"
        case .uniform(let low, let high): "uniform:\(Self.tokens(low))..\(Self.tokens(high))"
        case .lognormal(let median, let sigma): "lognormal:\(Self.tokens(median)),\(ServingNumbers.plain(sigma))"
        }
    }

    static func tokens(_ value: Double) -> String {
        value == value.rounded() && value < 1e15 ? String(Int64(value)) : HumanUnits.significant(value)
    }
}

/// The standard normal distribution's inverse CDF.
enum Normal {
    /// z with P(Z <= z) = p, by Acklam's rational approximation (relative error below 1.2e-9); p is clamped to
    /// [1e-12, 1 - 1e-12].
    static func inverse(_ p: Double) -> Double {
        let p = min(max(p, 1e-12), 1 - 1e-12)
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                 -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                 -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p > 1 - low { return -inverse(1 - p) }
        let q = p - 0.5, r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }

    /// P(Z <= z).
    static func cdf(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }
}
