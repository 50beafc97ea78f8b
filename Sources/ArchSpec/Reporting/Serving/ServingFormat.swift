/// Output formats of `archcalc recommend`.
public enum ServingFormat: String, Codable, ReportFormat {
    case text, json

    public func renderer(_ options: RenderOptions) -> any Renderer<ServingPlan> {
        switch self {
        case .text: TextServingRenderer()
        case .json: JSONServingRenderer()
        }
    }
}

/// Number formats of the serving renderers.
enum ServingUnits {
    /// `4`, `0.5`, `12.4`, `1,024`: three significant digits, trailing zeros dropped, groups of thousands.
    static func rate(_ value: Double) -> String { ServingNumbers.plain(value) }

    static func percent(_ value: Double) -> String { rate(value * 100) + "%" }

    static func dollars(_ value: Double) -> String { "$" + HumanUnits.fixed(value, decimals: value < 10 ? 3 : 2) }

    static func list(_ values: [Int]) -> String { values.map(String.init).joined(separator: ", ") }

    /// `TTFT p90 1 s, TPOT p90 20.0 ms`, or `none`.
    static func targets(_ t: ServingTargets) -> String {
        let parts = [("TTFT p50", t.ttftP50), ("TTFT p90", t.ttftP90), ("TPOT p50", t.tpotP50), ("TPOT p90", t.tpotP90)]
            .compactMap { name, value in value.map { "\(name) \(HumanUnits.seconds($0))" } }
        return parts.isEmpty ? "none (the smallest deployment that keeps up)" : parts.joined(separator: ", ")
    }

    /// `3 x h100-sxm tp 1 x pp 1, bf16, chunk 2048`, terminal-escaped.
    static func pool(_ pool: Pool) -> String {
        let role = pool.role == .both ? "" : "\(pool.role.rawValue): "
        return Escaping.terminal(role + "\(pool.replicas) x \(pool.config)")
    }
}
