extension ValidationReport {
    /// `{"prefill": {"predicted_s", "measured_s", "error"}, "decode": {...}, ...}` (decode per step).
    public var json: JSONValue {
        func phase(_ p: PhaseComparison) -> JSONValue {
            .object([("predicted_s", .double(p.predicted)), ("measured_s", .double(p.measured)), ("error", .double(p.error))])
        }
        func breakdown(_ b: [String: Double]) -> JSONValue { .object(b.sorted { $0.key < $1.key }.map { ($0.key, .double($0.value)) }) }
        return .object([
            ("spec", .string(spec)), ("parameters", .int(parameters)), ("context", .int(context)),
            ("decode_steps", .int(decodeSteps)), ("threads", .int(threads)),
            ("prefill", phase(prefill)), ("decode", phase(decode)),
            ("predicted_prefill_breakdown_s", breakdown(predictedPrefill)),
            ("predicted_decode_breakdown_s", breakdown(predictedDecode)),
            ("measured_prefill_breakdown_s", breakdown(measuredPrefill)),
            ("measured_decode_breakdown_s", breakdown(measuredDecode)),
            ("prefill_samples_s", .array(prefillSamples.map { .double($0) })),
            ("decode_samples_s", .array(decodeSamples.map { .double($0) })),
            ("other_cores", breakdown(otherCores)),
            ("dispersion", .object(dispersion.sorted { $0.key < $1.key }.map { ($0.key, $0.value.json) })),
            ("accuracy", accuracy.json),
            ("step_surface", stepSurface?.json ?? .null),
            ("notes", .array(notes.map { .string($0) })),
            ("warnings", .array(contextWarning.map { [.string($0.description)] } ?? [])),
        ])
    }

    /// A small text table: phase, predicted, measured, error.
    public var text: String {
        var lines = ["\(spec): \(HumanUnits.count(Int128(parameters))) parameters, context \(context), "
                     + "\(decodeSteps) decode steps, \(threads) thread\(threads == 1 ? "" : "s")"]
        if let contextWarning { lines.append("warning: \(contextWarning) (prompt plus decode steps)") }
        lines.append("")
        let rows = [("phase", "predicted", "measured", "error"),
                    ("prefill", HumanUnits.seconds(prefill.predicted), HumanUnits.seconds(prefill.measured), shown(prefill.error)),
                    ("decode/step", HumanUnits.seconds(decode.predicted), HumanUnits.seconds(decode.measured), shown(decode.error))]
        for r in rows {
            lines.append(r.0.padded(12) + r.1.padded(12, left: true) + r.2.padded(12, left: true) + r.3.padded(10, left: true))
        }
        lines += stepSurfaceLines + dispersionLines
        lines += operatorLines
        if !notes.isEmpty { lines.append("") }
        lines += notes.map { "note: \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension ValidationReport {
    /// Per operator: predicted and measured prefill, predicted and measured decode step, and their errors.
    var operatorLines: [String] {
        let keys = Set(predictedPrefill.keys).union(measuredPrefill.keys).union(predictedDecode.keys).union(measuredDecode.keys)
        guard !keys.isEmpty else { return [] }
        func cell(_ v: Double?) -> String { v.map { HumanUnits.seconds($0) } ?? "-" }
        func error(_ p: Double?, _ m: Double?) -> String {
            guard let p, let m, m > 0 else { return "-" }
            let e = (p - m) / m
            return (e >= 0 ? "+" : "") + HumanUnits.fixed(e * 100, decimals: 0) + "%"
        }
        var lines = ["", "operator".padded(24) + "prefill pred".padded(13, left: true) + "meas".padded(11, left: true)
                     + "err".padded(7, left: true) + "decode pred".padded(13, left: true) + "meas".padded(11, left: true)
                     + "err".padded(7, left: true)]
        for key in keys.sorted() {
            let pp = predictedPrefill[key], mp = measuredPrefill[key], pd = predictedDecode[key], md = measuredDecode[key]
            lines.append(Escaping.short(key).padded(24) + cell(pp).padded(13, left: true) + cell(mp).padded(11, left: true)
                         + error(pp, mp).padded(7, left: true) + cell(pd).padded(13, left: true)
                         + cell(md).padded(11, left: true) + error(pd, md).padded(7, left: true))
        }
        return lines
    }
}

extension String {
    func padded(_ width: Int, left: Bool = false) -> String {
        let pad = String(repeating: " ", count: max(0, width - count))
        return left ? pad + self : self + pad
    }
}
