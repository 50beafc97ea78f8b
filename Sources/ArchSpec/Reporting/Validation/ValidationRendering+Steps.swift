extension ValidationReport {
    /// An error as a signed percentage; in parentheses when the host was too noisy for it to be accuracy.
    func shown(_ e: Double) -> String {
        let text = (e >= 0 ? "+" : "") + HumanUnits.fixed(e * 100, decimals: 1) + "%"
        return accuracy.trustworthy ? text : "(" + text + ")"
    }

    /// The step surface's prediction beside the kernel-level table, then the noise verdict.
    var stepSurfaceLines: [String] {
        var lines: [String] = []
        if let s = stepSurface {
            lines.append("")
            lines.append("step surface (\(s.threads) thread\(s.threads == 1 ? "" : "s"), whole steps timed by calibrate --spec"
                         + (s.extrapolated ? ", extrapolated" : "") + "):")
            for (name, phase) in [("prefill", s.prefill), ("decode/step", s.decode)] {
                guard let phase else {
                    lines.append(TextTable.pad(name, 12) + TextTable.pad("outside the surface", 34, .right))
                    continue
                }
                lines += TextTable(columns: Self.phaseColumns, rows: [
                    [name, HumanUnits.seconds(phase.predicted), HumanUnits.seconds(phase.measured), shown(phase.error)],
                ], separator: "").lines
            }
            if let speed = s.hostSpeed { lines += hostSpeedLines(speed) }
        }
        if let statement = accuracy.statement { lines += ["", statement] }
        return lines
    }

    /// The drift probe then and now, and the decode step with the surface's prediction scaled by their ratio
    /// (the raw error stays the one above).
    func hostSpeedLines(_ speed: HostSpeedComparison) -> [String] {
        var lines = ["drift probe (fp32 GEMV over the embedding): \(HumanUnits.seconds(speed.calibrated)) while the surface was "
                     + "measured, \(HumanUnits.seconds(speed.now)) now (median of \(speed.samples.count)): host-speed ratio "
                     + HumanUnits.fixed(speed.ratio, decimals: 3)]
        if let d = speed.decodeAdjusted {
            lines.append("decode/step scaled by the host-speed ratio: \(HumanUnits.seconds(d.predicted)) against "
                         + "\(HumanUnits.seconds(d.measured)), \(shown(d.error)) (raw error above; prefill is not scaled)")
        }
        return lines
    }

    /// p10 / p50 / p90 and MAD of the measured prefills and decode steps.
    var dispersionLines: [String] {
        let shown = [("prefill", dispersion["prefill"]), ("decode/step", dispersion["decode"])].compactMap { name, d in
            d.map { (name, $0) }
        }
        guard !shown.isEmpty else { return [] }
        return [""] + shown.map { name, d in
            "\(name) samples: \(d.count), p10 \(HumanUnits.seconds(d.p10)), p50 \(HumanUnits.seconds(d.p50)), "
                + "p90 \(HumanUnits.seconds(d.p90)), MAD \(HumanUnits.seconds(d.mad)), dispersion "
                + HumanUnits.fixed(d.relative * 100, decimals: 1) + "%"
        }
    }
}

extension Dispersion {
    var json: JSONValue {
        .object([("count", .int(count)), ("p10_s", .double(p10)), ("p50_s", .double(p50)), ("p90_s", .double(p90)),
                 ("mad_s", .double(mad)), ("relative", .double(relative))])
    }
}

extension AccuracyVerdict {
    var json: JSONValue {
        .object([("trustworthy", .bool(trustworthy)), ("threshold", .double(threshold)),
                 ("reasons", .array(reasons.map { .string($0) }))])
    }
}

extension StepSurfaceComparison {
    var json: JSONValue {
        func phase(_ p: PhaseComparison?) -> JSONValue {
            guard let p else { return .null }
            return .object([("predicted_s", .double(p.predicted)), ("measured_s", .double(p.measured)), ("error", .double(p.error))])
        }
        let speed: JSONValue = hostSpeed.map { h in
            .object([("probe", .string("fp32 GEMV over the embedding matrix")), ("calibrate_s", .double(h.calibrated)),
                     ("validate_samples_s", .array(h.samples.map { .double($0) })), ("validate_s", .double(h.now)),
                     ("ratio", .double(h.ratio)), ("decode_adjusted", phase(h.decodeAdjusted))])
        } ?? .null
        return .object([("prediction_model", .string(StepProfile.modelName)), ("threads", .int(threads)), ("prefill", phase(prefill)),
                        ("decode", phase(decode)), ("extrapolated", .bool(extrapolated)), ("host_speed", speed)])
    }
}
