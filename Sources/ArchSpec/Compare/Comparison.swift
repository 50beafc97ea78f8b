/// The quantities `archcalc compare` puts side by side.
public enum ComparisonMetric: String, Hashable, Codable, Sendable, CaseIterable {
    case parameters
    case activeParameters = "active_parameters"
    case weightsBytes = "weights_bytes"
    case kvBytesPerToken = "kv_bytes_per_token"
    case kvBytes = "kv_bytes"
    /// Recurrent and convolution state per sequence; shown only when some compared spec has one.
    case stateBytesPerSequence = "state_bytes_per_sequence"
    case prefillFlops = "prefill_flops"
    case decodeFlops = "decode_flops"

    public var label: String {
        switch self {
        case .parameters: "Parameters"
        case .activeParameters: "Active parameters"
        case .weightsBytes: "Weights"
        case .kvBytesPerToken: "KV cache per token"
        case .kvBytes: "KV cache at context"
        case .stateBytesPerSequence: "State per sequence"
        case .prefillFlops: "Prefill FLOPs"
        case .decodeFlops: "Decode step FLOPs"
        }
    }

    /// How the value is shown in human units.
    public func human(_ value: Int128) -> String {
        switch self {
        case .parameters, .activeParameters: HumanUnits.count(value)
        case .weightsBytes, .kvBytesPerToken, .kvBytes, .stateBytesPerSequence: HumanUnits.bytes(value)
        case .prefillFlops, .decodeFlops: HumanUnits.flops(value)
        }
    }

    func value(of estimate: Estimate) -> Int128 {
        switch self {
        case .parameters: estimate.parameters.total
        case .activeParameters: estimate.parameters.active
        case .weightsBytes: estimate.weights.bytes
        case .kvBytesPerToken: estimate.kvCache.bytesPerToken
        case .kvBytes: estimate.kvCache.bytes
        case .stateBytesPerSequence: estimate.kvCache.stateBytesPerSequence
        case .prefillFlops: estimate.flops.prefill.total
        case .decodeFlops: estimate.flops.decode.total
        }
    }
}

/// One metric across the compared specs, with each spec's difference from the first (the baseline).
public struct ComparisonRow: Hashable, Sendable {
    public var metric: ComparisonMetric
    /// One exact value per spec, in argument order.
    public var values: [Int128]
    /// `values[i] - values[0]`.
    public var differences: [Int128]

    /// The difference as a percentage of the baseline, or `nil` when the baseline is 0.
    public func percent(_ index: Int) -> Double? {
        guard let base = values.first, base != 0 else { return nil }
        return Double(differences[index]) / Double(base) * 100
    }
}

/// Estimates of several specs side by side at one workload: the first is the baseline every difference is
/// taken against.
public struct Comparison: Sendable {
    public var reports: [EstimateReport]
    public var rows: [ComparisonRow]
    /// Lines stating what was compared (for example what head pruning did).
    public var notes: [String]
    /// Tokens per sequence every spec was estimated at (the baseline's, 0 with no reports).
    public var context: Int
    /// Sequences every spec was estimated for.
    public var batch: Int
    /// Where `context` came from.
    public var basis: ContextBasis

    /// A comparison of `reports`, which must share one context and batch (as `Comparator.run` makes them).
    public init(reports: [EstimateReport], basis: ContextBasis, notes: [String] = []) {
        self.reports = reports
        self.notes = notes
        self.basis = basis
        context = reports.first?.estimate.context ?? 0
        batch = reports.first?.estimate.batch ?? 0
        rows = ComparisonMetric.allCases.map { metric in
            let values = reports.map { metric.value(of: $0.estimate) }
            let base = values.first ?? 0
            // Each value fits in 127 bits and is non-negative, so the difference cannot overflow.
            return ComparisonRow(metric: metric, values: values, differences: values.map { $0 - base })
        }.filter { $0.metric != .stateBytesPerSequence || $0.values.contains { $0 > 0 } }
    }

    /// One line per spec whose context exceeds its `context_length`: `name: context ... exceeds ...`.
    public var warnings: [String] {
        reports.compactMap { report in report.estimate.contextWarning.map { "\(report.estimate.name): \($0)" } }
    }

    /// `+12.5%`, `-3.0%`, `0%`, or `n/a` for a zero baseline.
    public static func formatPercent(_ percent: Double?) -> String {
        HumanUnits.signedPercent(percent)
    }
}
