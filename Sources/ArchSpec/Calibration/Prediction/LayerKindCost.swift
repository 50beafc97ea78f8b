/// The cost of one layer kind's operator group as the profile's layer-kind points give it (`LayerKindProbe`):
/// in prefill, a cost per row plus a cost per causal query-key pair, s(t) = perUnit·t + perStep·t(t+1)/2; in
/// decode, a fixed cost plus a cost per cached token, s(c) = perUnit + perStep·c. Fitted through the shortest
/// and the longest point, both coefficients kept non-negative.
public struct LayerKindCost: Hashable, Sendable {
    public var phase: LayerKindPhase
    /// Seconds per row (prefill) or per step (decode).
    public var perUnit: Double
    /// Seconds per causal pair (prefill) or per cached token (decode).
    public var perStep: Double

    public init(phase: LayerKindPhase, perUnit: Double, perStep: Double) {
        self.phase = phase
        self.perUnit = perUnit
        self.perStep = perStep
    }

    /// Fits the two terms through the shortest and longest of `points` (tokens, seconds); a term that comes out
    /// negative (noise) is dropped and the other fitted through the longest point; one point gives the first
    /// term alone. Nil without a usable point.
    public init?(phase: LayerKindPhase, points: [(tokens: Int, seconds: Double)]) {
        let usable = points.filter { $0.tokens > 0 && $0.seconds.isFinite && $0.seconds >= 0 }.sorted { $0.tokens < $1.tokens }
        guard let long = usable.last else { return nil }
        self.phase = phase
        let (u2, p2) = Self.terms(phase, long.tokens)
        guard let short = usable.first, short.tokens < long.tokens else {
            (perUnit, perStep) = (long.seconds / u2, 0)
            return
        }
        let (u1, p1) = Self.terms(phase, short.tokens)
        let det = u1 * p2 - u2 * p1
        var unit = (short.seconds * p2 - long.seconds * p1) / det
        var step = (u1 * long.seconds - u2 * short.seconds) / det
        if unit < 0 { (unit, step) = (0, long.seconds / p2) }
        if step < 0 { (unit, step) = (long.seconds / u2, 0) }
        (perUnit, perStep) = (unit, step)
    }

    /// The two terms' multipliers at `tokens`: (t, t(t+1)/2) in prefill, (1, c) in decode.
    static func terms(_ phase: LayerKindPhase, _ tokens: Int) -> (Double, Double) {
        let t = Double(max(0, tokens))
        return phase == .prefill ? (t, t * (t + 1) / 2) : (1, t)
    }

    /// Seconds at `tokens` prompt tokens (prefill) or cached tokens (decode).
    public func seconds(tokens: Int) -> Double {
        let (u, p) = Self.terms(phase, tokens)
        return perUnit * u + perStep * p
    }
}
