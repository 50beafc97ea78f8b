#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The M/G/1 queue the prefill server is modelled as: Poisson arrivals at `rate`, service times with mean
/// `meanService` and second moment `secondMoment`, first come first served.
public struct MG1Queue: Hashable, Sendable {
    /// Arrivals per second.
    public var rate: Double
    /// E[S], seconds.
    public var meanService: Double
    /// E[S^2], seconds^2.
    public var secondMoment: Double

    public init(rate: Double, meanService: Double, secondMoment: Double) {
        self.rate = rate
        self.meanService = meanService
        self.secondMoment = secondMoment
    }

    /// Utilisation, rho = rate x E[S]; the queue is stable below 1.
    public var utilisation: Double { rate * meanService }

    /// Mean wait before service (Pollaczek-Khinchine): W = rate E[S^2] / (2 (1 - rho)); infinite when rho >= 1.
    public var meanWait: Double {
        let rho = utilisation
        guard rho < 1 else { return .infinity }
        return rate * secondMoment / (2 * (1 - rho))
    }

    /// The `p` quantile of the wait, from P(wait > t) ~ rho exp(-rho t / W) (exact for M/M/1; the usual
    /// exponential-tail approximation otherwise): t_p = (W / rho) ln(rho / (1 - p)) when rho > 1 - p, else 0.
    public func waitQuantile(_ p: Double) -> Double {
        let rho = utilisation
        guard rho < 1 else { return .infinity }
        guard rho > 1 - p, rho > 0 else { return 0 }
        return meanWait / rho * log(rho / (1 - p))
    }

    /// P(wait <= t) under the same approximation (0 for t < 0).
    public func waitProbability(atMost t: Double) -> Double {
        let rho = utilisation
        guard rho < 1 else { return 0 }
        guard t >= 0 else { return 0 }
        guard rho > 0, meanWait > 0 else { return 1 }
        return 1 - rho * exp(-rho * t / meanWait)
    }
}
