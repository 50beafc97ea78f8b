/// `--format json`: `{"version": 1, "estimates": [...]}`, one object per spec in argument order (a checkpoint
/// whose architecture could not be recovered has `"model": null` and only its counts), every count an exact
/// JSON integer. docs/json.md documents the shape.
public struct JSONEstimateRenderer: Renderer {
    /// The version of this document's shape; raised whenever a key changes meaning or goes away.
    public static let version = 1

    public init() {}

    public func render(_ run: EstimationRun) -> String {
        let unrecovered = run.unrecovered.map { summary in
            JSONValue.object([("model", .null), ("source", .string(summary.path)),
                              ("checkpoint", CheckpointRendering.json(summary))])
        }
        return JSONValue.object([
            ("version", .int(Self.version)),
            ("estimates", .array(run.reports.map(Self.object) + unrecovered)),
        ]).rendered() + "\n"
    }

    public static func object(_ report: EstimateReport) -> JSONValue {
        let estimate = report.estimate
        let parameters = estimate.parameters
        return .object([
            ("model", .string(estimate.name)),
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
                ("routed_experts", .int(parameters.routedExperts)), ("ssm", .int(parameters.ssm)),
                ("mtp", .int(parameters.mtp)), ("vision", .int(parameters.vision)),
            ])),
            ("layers", .array(estimate.layerKinds.map { kind in
                .object([("mixer", .string(kind.mixer)), ("detail", .string(kind.detail)),
                         ("channel", .string(kind.channel)), ("count", .int(kind.count))])
            })),
            ("weights", .object([("dtype", .string(estimate.weights.dtype.rawValue)), ("bytes", .int(estimate.weights.bytes))])),
            ("kv_cache", .object([
                ("dtype", .string(estimate.kvCache.dtype.rawValue)),
                ("bytes_per_token", .int(estimate.kvCache.bytesPerToken)), ("bytes", .int(estimate.kvCache.bytes)),
                ("windowed_layers", .int(estimate.kvCache.windowedLayers)),
                ("window", estimate.kvCache.window.map { .int($0) } ?? .null),
                ("chunked_layers", .int(estimate.kvCache.chunkedLayers)),
                ("chunk", estimate.kvCache.chunk.map { .int($0) } ?? .null),
                ("caching_layers", .int(estimate.kvCache.cachingLayers)),
                ("state_dtype", .string(estimate.kvCache.stateDType.rawValue)),
                ("state_bytes_per_sequence", .int(estimate.kvCache.stateBytesPerSequence)),
                ("state_bytes", .int(estimate.kvCache.stateBytes)),
            ])),
            ("flops", .object([("prefill", flops(estimate.flops.prefill)), ("decode", flops(estimate.flops.decode))])),
            ("checkpoint", report.checkpoint.map(CheckpointRendering.json) ?? .null),
            ("warnings", .array(estimate.contextWarning.map { [.string($0.description)] } ?? [])),
        ])
    }

    static func flops(_ breakdown: FlopBreakdown) -> JSONValue {
        .object([
            ("total", .int(breakdown.total)), ("linear", .int(breakdown.linear)), ("attention", .int(breakdown.attention)),
            ("recurrent", .int(breakdown.recurrent)),
        ])
    }
}
