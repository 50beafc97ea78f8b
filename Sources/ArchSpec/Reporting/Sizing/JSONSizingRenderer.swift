/// `{"version": 2, ...one configuration}` (with `calibration` and `scale_overhead` members when asked for), or
/// `{"version": 2, "sweep": {"axis", "values"}, "results": [...]}`; bytes are exact integers, times are seconds.
/// docs/json.md documents the shape.
public struct JSONSizingRenderer: Renderer {
    /// The version of this document's shape.
    public static let version = 2

    public init() {}

    public func render(_ report: SizingReport) -> String {
        let version: (String, JSONValue) = ("version", .int(Self.version))
        switch report {
        case .sweep(let sweep, let results):
            return JSONValue.object([
                version,
                ("sweep", .object([("axis", .string(sweep.axis.rawValue)), ("values", .array(sweep.values.map { .int($0) }))])),
                ("results", .array(results.map(Self.object))),
            ]).rendered() + "\n"
        case .single(let result, let calibration, let scales):
            guard case .object(let members) = Self.object(result) else { return "" }
            var fields = [version] + members
            if let calibration { fields.append(("calibration", StepSizing.json(calibration))) }
            if let scales { fields.append(("scale_overhead", ScaleOverheadTables.json(scales))) }
            return JSONValue.object(fields).rendered() + "\n"
        }
    }

    static func object(_ r: SizingResult) -> JSONValue {
        let m = r.memory
        return .object([
            ("model", .string(r.model)),
            ("hardware", .string(r.hardware.id)),
            ("devices", .int(r.layout.devices)),
            ("tp", .int(r.layout.tp)),
            ("pp", .int(r.layout.pp)),
            ("ep", .int(r.layout.ep)),
            ("dp", .int(r.layout.dp)),
            ("context", .int(r.context)),
            ("batch", .int(r.batch)),
            ("weights_dtype", .string(r.weights.dtype.rawValue)),
            ("weights_format", .string(r.weights.summary)),
            ("kv_dtype", .string(r.kv.dtype.rawValue)),
            ("kv_format", .string(r.kv.summary)),
            ("compute_dtype", .string(r.computeDType.rawValue)),
            ("kv_accounting", .string(r.kvAccounting.rawValue)),
            ("fits", .bool(r.fits)),
            ("memory", .object([
                ("capacity", .int(m.capacity)), ("weights", .int(m.weights)), ("kv_cache", .int(m.kvCache)),
                ("activations", .int(m.activations)), ("reserve", .int(m.reserve)), ("total", .int(m.total)),
                ("free", .int(m.headroom)),
                ("reserve_parts", .array((m.overhead?.parts ?? []).map { part in
                    .object([("part", .string(part.name)), ("bytes", .int(part.bytes)), ("source", .string(part.source))])
                })),
                ("reserve_basis", .string(m.reserveBasis.rawValue)),
            ])),
            ("max_batch", .int(r.maxBatch)),
            ("max_context", .int(r.maxContext)),
            ("max_context_is_model_limit", .bool(r.maxContextIsModelLimit)),
            ("max_context_bound", .string(r.maxContextBound.rawValue)),
            ("context_length", .int(r.contextLength)),
            ("prefill", .object([("seconds", .double(r.prefill.seconds))] + phase(r.prefill))),
            ("decode", .object([
                ("seconds_per_token", .double(r.decode.seconds)),
                ("tokens_per_second", .double(r.decodeTokensPerSecond)),
                ("aggregate_tokens_per_second", .double(r.aggregateTokensPerSecond)),
                ("ideal_tokens_per_second", .double(r.idealDecodeTokensPerSecond)),
            ] + phase(r.decode))),
            ("attempts", .array(r.attempts.map { attempt in
                .object([("devices", .int(attempt.layout.devices)), ("tp", .int(attempt.layout.tp)),
                         ("pp", .int(attempt.layout.pp)), ("ep", .int(attempt.layout.ep)),
                         ("dp", .int(attempt.layout.dp)), ("fits", .bool(attempt.fits)),
                         ("reason", .string(attempt.reason))])
            })),
            ("warnings", .array(r.contextWarning.map { [.string($0.description)] } ?? [])),
            ("basis", .array(SizingBasis.entries(r).map(basis))),
        ])
    }

    static func basis(_ entry: BasisEntry) -> JSONValue {
        .object([("quantity", .string(entry.quantity)), ("value", .string(entry.value)),
                 ("formula", .string(entry.formula)), ("inputs", .array(entry.inputs.map(JSONValue.string))),
                 ("evidence", .string(entry.evidence)), ("error_band", .string(entry.errorBand))])
    }

    static func phase(_ p: PhaseTiming) -> [(String, JSONValue)] {
        [("bound", .string(p.bound.rawValue)), ("ideal_seconds", .double(p.idealSeconds)),
         ("compute_seconds", .double(p.computeSeconds)), ("memory_seconds", .double(p.memorySeconds)),
         ("communication_seconds", .double(p.communicationSeconds)), ("flops", .int(p.flops)),
         ("bytes_per_device", .int(p.bytesPerDevice)), ("arithmetic_intensity", .double(p.arithmeticIntensity))]
            + (step(p).map { [("step", $0)] } ?? [])
    }

    /// One step's kernel-time terms (seconds, one device), as the step model sums them; nil under the roofline.
    static func step(_ p: PhaseTiming) -> JSONValue? {
        guard let s = p.step else { return nil }
        return .object([
            ("steps", .int(Int128(p.steps))), ("seconds", .double(s.seconds)), ("gemm_seconds", .double(s.gemm)),
            ("moe_seconds", .double(s.moe)), ("attention_seconds", .double(s.attention)),
            ("elementwise_seconds", .double(s.elementwise)), ("launch_seconds", .double(s.launch)),
            ("communication_seconds", .double(s.communication)), ("overhead_seconds", .double(s.overhead)),
            ("kernels", .int(Int128(s.kernels))), ("pipeline_bubble", .double(s.pipelineBubble))])
    }
}
