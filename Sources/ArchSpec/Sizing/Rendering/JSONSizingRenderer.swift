/// One JSON object per configuration; bytes are exact integers, times are seconds.
enum JSONSizingRenderer {
    static func object(_ r: SizingResult) -> JSONValue {
        let m = r.memory
        return .object([
            ("model", .string(r.model)),
            ("hardware", .string(r.hardware.id)),
            ("devices", .int(r.layout.devices)),
            ("tp", .int(r.layout.tp)),
            ("pp", .int(r.layout.pp)),
            ("context", .int(r.context)),
            ("batch", .int(r.batch)),
            ("weights_dtype", .string(r.weights.dtype.rawValue)),
            ("weights_format", .string(r.weights.summary)),
            ("kv_dtype", .string(r.kv.dtype.rawValue)),
            ("kv_format", .string(r.kv.summary)),
            ("compute_dtype", .string(r.computeDType.rawValue)),
            ("fits", .bool(r.fits)),
            ("memory", .object([
                ("capacity", .int(m.capacity)), ("weights", .int(m.weights)), ("kv_cache", .int(m.kvCache)),
                ("activations", .int(m.activations)), ("reserve", .int(m.reserve)), ("total", .int(m.total)),
                ("free", .int(m.headroom)),
            ])),
            ("max_batch", .int(r.maxBatch)),
            ("max_context", .int(r.maxContext)),
            ("max_context_is_model_limit", .bool(r.maxContextIsModelLimit)),
            ("prefill", .object([("seconds", .double(r.prefill.seconds))] + phase(r.prefill))),
            ("decode", .object([
                ("seconds_per_token", .double(r.decode.seconds)),
                ("tokens_per_second", .double(r.decodeTokensPerSecond)),
                ("aggregate_tokens_per_second", .double(r.aggregateTokensPerSecond)),
                ("ideal_tokens_per_second", .double(r.idealDecodeTokensPerSecond)),
            ] + phase(r.decode))),
            ("attempts", .array(r.attempts.map { attempt in
                .object([("devices", .int(attempt.layout.devices)), ("tp", .int(attempt.layout.tp)),
                         ("pp", .int(attempt.layout.pp)), ("fits", .bool(attempt.fits)),
                         ("reason", .string(attempt.reason))])
            })),
        ])
    }

    static func phase(_ p: PhaseTiming) -> [(String, JSONValue)] {
        [("bound", .string(p.bound.rawValue)), ("ideal_seconds", .double(p.idealSeconds)),
         ("compute_seconds", .double(p.computeSeconds)), ("memory_seconds", .double(p.memorySeconds)),
         ("communication_seconds", .double(p.communicationSeconds)), ("flops", .int(p.flops)),
         ("bytes_per_device", .int(p.bytesPerDevice)), ("arithmetic_intensity", .double(p.arithmeticIntensity))]
    }
}

/// Markdown report of one configuration.
enum MarkdownSizingRenderer {
    static func render(_ r: SizingResult) -> String {
        let m = r.memory
        var lines = ["### \(r.model) on \(SizingUnits.layout(r))", "",
                     "Context \(r.context), batch \(r.batch); weights \(r.weights.summary); KV cache \(r.kv.summary).", "",
                     "| memory per device | size | bytes |", "|---|---:|---:|"]
        for (label, value) in [("weights", m.weights), ("KV cache", m.kvCache), ("activations", m.activations),
                               ("runtime reserve", m.reserve), ("**total**", m.total), ("capacity", m.capacity)] {
            lines.append("| \(label) | \(SizingUnits.bytes(value)) | \(HumanUnits.grouped(value)) |")
        }
        lines.append("")
        lines.append(m.fits ? "Fits, \(SizingUnits.bytes(m.headroom)) free per device."
                            : "Does not fit: over by \(SizingUnits.bytes(-m.headroom)) per device.")
        for attempt in r.attempts { lines.append("- \(attempt.layout.devices) device(s), \(attempt.layout): \(attempt.reason)") }
        lines += ["", "| | value |", "|---|---:|",
                  "| max batch at context \(r.context) | \(r.maxBatch) |",
                  "| max context at batch \(r.batch) | \(SizingUnits.maxContext(r)) |",
                  "| prefill (time to first token) | \(HumanUnits.seconds(r.prefill.seconds)), \(r.prefill.bound)-bound |",
                  "| decode per token | \(HumanUnits.seconds(r.decode.seconds)), \(r.decode.bound)-bound |",
                  "| tokens/s per sequence | \(SizingUnits.rate(r.decodeTokensPerSecond)) |",
                  "| tokens/s in aggregate | \(SizingUnits.rate(r.aggregateTokensPerSecond)) |",
                  "| datasheet roofline tokens/s per sequence | \(SizingUnits.rate(r.idealDecodeTokensPerSecond)) |"]
        return lines.joined(separator: "\n") + "\n"
    }
}
