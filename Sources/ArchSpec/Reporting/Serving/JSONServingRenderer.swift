/// JSON: `{"version": 1, "model", "context_length", "workload", "targets", "searched", "hints", "best", "alternatives",
/// "rejections", "frontier"}`; times in seconds, rates per second, snake_case keys (docs/serving.md).
struct JSONServingRenderer: Renderer {
    /// The version of this document's shape.
    static let version = 1

    func render(_ plan: ServingPlan) -> String { Self.object(plan).rendered() + "\n" }

    static func object(_ plan: ServingPlan) -> JSONValue {
        .object([
            ("version", .int(version)), ("model", .string(plan.model)), ("context_length", .int(plan.contextLength)),
            ("workload", workload(plan.workload)), ("targets", targets(plan.targets)),
            ("searched", .object([
                ("hardware", .array(plan.hardware.map(JSONValue.string))),
                ("weight_dtypes", .array(plan.weightDTypes.map { .string($0.rawValue) })),
                ("tp", .array(plan.tp.map(JSONValue.int))), ("pp", .array(plan.pp.map(JSONValue.int))),
                ("dp", .array(plan.dp.map(JSONValue.int))),
                ("chunks", .array(plan.chunks.map(JSONValue.int))),
                ("modes", .array(plan.modes.map { .string($0.rawValue) })),
                ("gpu_budget", .int(plan.gpuBudget)), ("configurations", .int(plan.configurations)),
                ("widened", .array(plan.widened.map { w in
                    .object([("hardware", .string(w.hardware)), ("weight_dtype", .string(w.weights.rawValue)),
                             ("pp", w.pp.map { .array($0.map(JSONValue.int)) } ?? .null),
                             ("dp", w.dp.map { .array($0.map(JSONValue.int)) } ?? .null),
                             ("fits", .bool(w.fits)), ("reason", .string(w.reason))])
                })),
                ("prices", .array(plan.prices.sorted { $0.key < $1.key }.map { price in
                    .object([("hardware", .string(price.key)), ("dollars_per_device_hour", .double(price.value))])
                })),
            ])),
            ("hints", .array(plan.hints.map(JSONValue.string))),
            ("best", plan.best.map(deployment) ?? .null),
            ("alternatives", .array(plan.alternatives.map(deployment))),
            ("rejections", .array(plan.rejections.map { r in
                .object([("devices", .int(r.devices)), ("replicas", .int(r.replicas)), ("config", config(r.config)),
                         ("reason", .string(r.reason))])
            })),
            ("frontier", .array(plan.frontier.map { p in
                .object([("tokens_per_second_per_user", .double(p.tokensPerSecondPerUser)),
                         ("tokens_per_second_per_device", .double(p.tokensPerSecondPerDevice)),
                         ("concurrency", .int(p.concurrency)), ("config", config(p.config))])
            })),
        ])
    }

    static func workload(_ w: ServingWorkload) -> JSONValue {
        .object([("request_rate", .double(w.requestRate)), ("input", distribution(w.input)),
                 ("output", distribution(w.output)), ("prefix_hit_rate", .double(w.prefixHitRate))])
    }

    static func distribution(_ d: LengthDistribution) -> JSONValue {
        .object([("spec", .string(d.description)), ("mean", .double(d.mean)), ("p50", .double(d.quantile(0.5))),
                 ("p90", .double(d.quantile(0.9)))])
    }

    static func targets(_ t: ServingTargets) -> JSONValue {
        .object([("ttft_p50", t.ttftP50.map(JSONValue.double) ?? .null), ("ttft_p90", t.ttftP90.map(JSONValue.double) ?? .null),
                 ("tpot_p50", t.tpotP50.map(JSONValue.double) ?? .null), ("tpot_p90", t.tpotP90.map(JSONValue.double) ?? .null)])
    }

    static func config(_ c: ReplicaConfig) -> JSONValue {
        .object([("hardware", .string(c.hardware)), ("weights_dtype", .string(c.weights.rawValue)),
                 ("kv_dtype", .string(c.kv.rawValue)), ("tp", .int(c.layout.tp)), ("pp", .int(c.layout.pp)),
                 ("ep", .int(c.layout.ep)), ("dp", .int(c.layout.dp)), ("devices", .int(c.devices)), ("chunk", .int(c.chunk))])
    }

    static func deployment(_ d: Deployment) -> JSONValue {
        .object([
            ("mode", .string(d.mode.rawValue)), ("devices", .int(d.devices)),
            ("pools", .array(d.pools.map(pool))),
            ("ttft_p50", .double(d.ttftP50)), ("ttft_p90", .double(d.ttftP90)),
            ("tpot_p50", .double(d.tpotP50)), ("tpot_p90", .double(d.tpotP90)),
            ("output_tokens_per_second", .double(d.outputTokensPerSecond)),
            ("tokens_per_second_per_device", .double(d.tokensPerSecondPerDevice)),
            ("goodput_requests_per_second", .double(d.goodputRequestsPerSecond)),
            ("goodput_tokens_per_second", .double(d.goodputTokensPerSecond)),
            ("dollars_per_million_tokens", d.dollarsPerMillionTokens.map(JSONValue.double) ?? .null),
        ])
    }

    static func pool(_ p: Pool) -> JSONValue {
        let o = p.point
        return .object([
            ("role", .string(p.role.rawValue)), ("replicas", .int(p.replicas)), ("config", config(p.config)),
            ("max_concurrency", .int(p.maxConcurrency)), ("request_rate_per_replica", .double(o.requestRate)),
            ("concurrency", .double(o.concurrency)), ("step_seconds", .double(o.stepSeconds)),
            ("decode_step_seconds", .double(o.decodeStepSeconds)), ("chunk_step_seconds", .double(o.chunkStepSeconds)),
            ("chunk_share", .double(o.chunkShare)), ("prefill_utilisation", .double(o.prefillUtilisation)),
            ("ttft_p50", .double(o.ttftP50)), ("ttft_p90", .double(o.ttftP90)),
            ("tpot_p50", .double(o.tpotP50)), ("tpot_p90", .double(o.tpotP90)),
            ("kv_transfer_seconds", .double(o.kvTransferSeconds)),
        ])
    }
}
