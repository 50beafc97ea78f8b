/// `--format json`: an array, one object per spec in argument order, every count an exact JSON integer.
public struct JSONEstimateRenderer: EstimateRenderer {
    public init() {}

    public func render(_ reports: [EstimateReport]) -> String {
        JSONValue.array(reports.map(Self.object)).rendered() + "\n"
    }

    public static func object(_ report: EstimateReport) -> JSONValue {
        let estimate = report.estimate
        let parameters = estimate.parameters
        return .object([
            ("name", .string(estimate.name)),
            ("source", .string(report.source)),
            ("context", .int(estimate.context)),
            ("batch", .int(estimate.batch)),
            ("conventions", .object([
                ("attention_flops", .string(estimate.options.attentionFlops.rawValue)),
                ("logits", .string(estimate.options.logits.rawValue)),
                ("mla_decode", .string(estimate.options.mlaDecode.rawValue)),
            ])),
            ("parameters", .object([
                ("total", .int(parameters.total)), ("active", .int(parameters.active)),
                ("embedding", .int(parameters.embedding)), ("position", .int(parameters.position)),
                ("attention", .int(parameters.attention)), ("mlp", .int(parameters.mlp)),
                ("norm", .int(parameters.norm)), ("lm_head", .int(parameters.lmHead)),
                ("routed_experts", .int(parameters.routedExperts)),
            ])),
            ("weights", .object([("dtype", .string(estimate.weights.dtype.rawValue)), ("bytes", .int(estimate.weights.bytes))])),
            ("kv_cache", .object([
                ("dtype", .string(estimate.kvCache.dtype.rawValue)),
                ("bytes_per_token", .int(estimate.kvCache.bytesPerToken)), ("bytes", .int(estimate.kvCache.bytes)),
                ("windowed_layers", .int(estimate.kvCache.windowedLayers)),
                ("window", estimate.kvCache.window.map { .int($0) } ?? .null),
            ])),
            ("flops", .object([("prefill", flops(estimate.flops.prefill)), ("decode", flops(estimate.flops.decode))])),
        ])
    }

    static func flops(_ breakdown: FlopBreakdown) -> JSONValue {
        .object([
            ("total", .int(breakdown.total)), ("linear", .int(breakdown.linear)), ("attention", .int(breakdown.attention)),
        ])
    }
}
