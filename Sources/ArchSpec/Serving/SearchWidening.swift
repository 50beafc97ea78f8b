/// How the planner widened its default pipeline- or data-parallel degrees for one device kind and weight dtype
/// because no layout of the requested lists holds the weights, and why.
public struct SearchWidening: Hashable, Codable, Sendable {
    public var hardware: String
    public var weights: DType
    /// The pipeline-parallel degrees searched instead of the request's (`nil`: not widened).
    public var pp: [Int]?
    /// The attention data-parallel degrees searched instead of the request's (`nil`: not widened).
    public var dp: [Int]?
    /// `no tp up to 8 holds 1.22 TiB of bf16 weights on h100-sxm`, with the widest layout's overrun when even it
    /// does not hold them.
    public var reason: String
    /// Whether some widened layout holds the weights.
    public var fits: Bool

    /// `pp widened to 1..16: no tp up to 8 holds 1.22 TiB of bf16 weights on h100-sxm`.
    public var description: String {
        var parts: [String] = []
        if let pp { parts.append("pp widened to \(Self.range(pp))") }
        if let dp { parts.append("dp widened to \(Self.range(dp))") }
        return parts.joined(separator: ", ") + ": " + reason
    }

    /// `1..16` for a doubling list from 1, else the values joined by commas.
    static func range(_ values: [Int]) -> String {
        guard let first = values.first, let last = values.last else { return "" }
        let doubling = first == 1
            && zip(values, values.dropFirst()).allSatisfy { a, b in a.multipliedReportingOverflow(by: 2) == (b, false) }
        return doubling && values.count > 1 ? "\(first)..\(last)" : values.map(String.init).joined(separator: ", ")
    }
}
