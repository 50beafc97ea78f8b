/// The columns shared by the Markdown and CSV renderers: one row per spec.
enum EstimateColumns {
    static let headers = [
        "model", "params", "active params", "weights bytes", "kv bytes/token", "kv bytes", "prefill FLOPs",
        "decode FLOPs", "context", "batch", "state bytes/sequence", "layers", "warnings",
    ]

    static let humanHeaders = [
        "model", "params", "active", "weights", "KV/token", "KV cache", "prefill", "decode step", "context", "batch",
        "state/sequence", "layers", "warnings",
    ]

    /// Columns holding text rather than numbers: the model name, the layer sentence and the warnings.
    static let textColumns: Set<Int> = [0, 11, 12]

    /// The report's warning in one cell (empty when none).
    static func warnings(_ report: EstimateReport) -> String {
        report.estimate.contextWarning?.description ?? ""
    }

    static func exact(_ report: EstimateReport) -> [String] {
        let e = report.estimate
        return [
            e.name, e.parameters.total.description, e.parameters.active.description, e.weights.bytes.description,
            e.kvCache.bytesPerToken.description, e.kvCache.bytes.description, e.flops.prefill.total.description,
            e.flops.decode.total.description, String(e.context), String(e.batch),
            e.kvCache.stateBytesPerSequence.description, LayerKindCount.sentence(e.layerKinds), warnings(report),
        ]
    }

    static func human(_ report: EstimateReport) -> [String] {
        let e = report.estimate
        return [
            e.name, HumanUnits.count(e.parameters.total), HumanUnits.count(e.parameters.active),
            "\(HumanUnits.bytes(e.weights.bytes)) (\(e.weights.dtype.rawValue))",
            "\(HumanUnits.bytes(e.kvCache.bytesPerToken)) (\(e.kvCache.dtype.rawValue))",
            HumanUnits.bytes(e.kvCache.bytes), HumanUnits.flops(e.flops.prefill.total),
            HumanUnits.flops(e.flops.decode.total), String(e.context), String(e.batch),
            HumanUnits.bytes(e.kvCache.stateBytesPerSequence), LayerKindCount.sentence(e.layerKinds), warnings(report),
        ]
    }
}
