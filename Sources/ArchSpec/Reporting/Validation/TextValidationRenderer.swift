/// Text: predicted against measured per phase, the step surface's prediction, dispersion, then per operator.
public struct TextValidationRenderer: Renderer {
    public init() {}

    public func render(_ report: ValidationReport) -> String { report.text }
}

extension ValidationReport {
    /// The JSON document of `JSONValidationRenderer`.
    public var json: JSONValue {
        func phase(_ p: PhaseComparison) -> JSONValue {
            .object([("predicted_s", .double(p.predicted)), ("measured_s", .double(p.measured)), ("error", .double(p.error))])
        }
        func breakdown(_ b: [String: Double]) -> JSONValue { .object(b.sorted { $0.key < $1.key }.map { ($0.key, .double($0.value)) }) }
        return .object([
            ("version", .int(JSONValidationRenderer.version)),
            ("model", .string(spec)), ("parameters", .int(parameters)), ("context", .int(context)),
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
        lines += TextTable(columns: Self.phaseColumns, rows: [
            ["phase", "predicted", "measured", "error"],
            ["prefill", HumanUnits.seconds(prefill.predicted), HumanUnits.seconds(prefill.measured), shown(prefill.error)],
            ["decode/step", HumanUnits.seconds(decode.predicted), HumanUnits.seconds(decode.measured), shown(decode.error)],
        ], separator: "").lines
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
        var rows = [["operator", "prefill pred", "meas", "err", "decode pred", "meas", "err"]]
        for key in keys.sorted() {
            let pp = predictedPrefill[key], mp = measuredPrefill[key], pd = predictedDecode[key], md = measuredDecode[key]
            rows.append([Escaping.short(key), cell(pp), cell(mp), error(pp, mp), cell(pd), cell(md), error(pd, md)])
        }
        let columns: [TextTable.Column] = [.init(.left, minimumWidth: 24)]
            + [13, 11, 7, 13, 11, 7].map { TextTable.Column(.right, minimumWidth: $0) }
        return [""] + TextTable(columns: columns, rows: rows, separator: "").lines
    }
}

extension ValidationReport {
    /// Phase, predicted, measured, error: the columns of the phase tables.
    static let phaseColumns: [TextTable.Column] = [.init(.left, minimumWidth: 12), .init(.right, minimumWidth: 12),
                                                   .init(.right, minimumWidth: 12), .init(.right, minimumWidth: 10)]
}
