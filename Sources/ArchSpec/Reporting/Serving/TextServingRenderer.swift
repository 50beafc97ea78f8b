/// The text report of a serving plan: the workload, the smallest deployment with its figures, the smallest per
/// device kind and mode, the smaller deployments that fail, and the Pareto frontier.
struct TextServingRenderer: Renderer {
    /// Rows of the failure and frontier tables shown at most (the JSON has them all).
    static let maxRows = 12

    func render(_ plan: ServingPlan) -> String {
        let header = Self.header(plan), deployment = Self.deployment, alternatives = Self.alternatives
        let rejections = Self.rejections, frontier = Self.frontier
        var lines = header
        lines.append("")
        if let best = plan.best {
            lines.append("smallest deployment meeting the targets: \(best.devices) device\(best.devices == 1 ? "" : "s"), "
                + best.mode.rawValue)
            lines += deployment(best)
        } else {
            lines.append("no deployment meets the targets within \(HumanUnits.grouped(Int128(plan.gpuBudget))) devices; why:")
        }
        if plan.alternatives.count > 1 {
            lines += ["", "smallest per device kind and mode:"] + alternatives(plan.alternatives)
        }
        if !plan.rejections.isEmpty {
            lines += ["", plan.best == nil ? "what was tried:" : "smaller deployments that fail:"] + rejections(plan.rejections)
        }
        if !plan.hints.isEmpty { lines += [""] + plan.hints.map { "hint: " + Escaping.terminal($0) } }
        if !plan.frontier.isEmpty {
            lines += ["", "Pareto frontier at saturation (tokens/s per user against tokens/s per device, no TTFT target):"]
            lines += frontier(plan.frontier)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func header(_ plan: ServingPlan) -> [String] {
        let w = plan.workload
        let modes = plan.modes.map(\.rawValue).joined(separator: ", ")
        return [
            "archcalc recommend: \(Escaping.terminal(plan.model))",
            "workload   \(ServingUnits.rate(w.requestRate)) requests/s, input \(w.input), output \(w.output), "
                + "prefix-cache hit \(ServingUnits.percent(w.prefixHitRate))",
            "targets    \(ServingUnits.targets(plan.targets))",
            "searched   \(Escaping.terminal(plan.hardware.joined(separator: ", "))); "
                + plan.weightDTypes.map(\.rawValue).joined(separator: ", ") + "; tp \(ServingUnits.list(plan.tp)); "
                + "pp \(ServingUnits.list(plan.pp)); " + (plan.dp == [1] ? "" : "dp \(ServingUnits.list(plan.dp)); ") + "chunks \(ServingUnits.list(plan.chunks)); \(modes); "
                + "budget \(HumanUnits.grouped(Int128(plan.gpuBudget))) devices; \(plan.configurations) configuration\(plan.configurations == 1 ? "" : "s")",
        ] + plan.widened.map { "widened    " + Escaping.terminal($0.description) }
    }

    static func deployment(_ d: Deployment) -> [String] {
        var rows: [(String, String)] = []
        for pool in d.pools {
            let p = pool.point
            rows.append(("replicas", ServingUnits.pool(pool)))
            if pool.role != .prefill {
                rows.append(("max concurrency", "\(HumanUnits.grouped(Int128(pool.maxConcurrency))) sequences per replica"))
                rows.append(("concurrency", "\(HumanUnits.significant(p.concurrency)) decoding per replica"))
            }
            switch pool.role {
            case .both:
                rows.append(("steps", "decode only \(HumanUnits.seconds(p.decodeStepSeconds)), with a full chunk "
                    + "\(HumanUnits.seconds(p.chunkStepSeconds)); chunks in \(ServingUnits.percent(p.chunkShare)) of steps"))
                rows.append(("prefill utilisation", HumanUnits.significant(p.prefillUtilisation)))
            case .prefill:
                rows.append(("prefill", "full chunk \(HumanUnits.seconds(p.chunkStepSeconds)); utilisation "
                    + "\(HumanUnits.significant(p.prefillUtilisation)); KV transfer of a median prompt "
                    + HumanUnits.seconds(p.kvTransferSeconds)))
            case .decode:
                rows.append(("decode step", HumanUnits.seconds(p.decodeStepSeconds)))
            }
        }
        rows.append(("TTFT p50 / p90", "\(HumanUnits.seconds(d.ttftP50)) / \(HumanUnits.seconds(d.ttftP90))"))
        rows.append(("TPOT p50 / p90", "\(HumanUnits.seconds(d.tpotP50)) / \(HumanUnits.seconds(d.tpotP90))"))
        rows.append(("throughput", "\(ServingUnits.rate(d.outputTokensPerSecond)) output tokens/s, "
            + "\(ServingUnits.rate(d.tokensPerSecondPerDevice)) per device"))
        rows.append(("goodput", "\(ServingUnits.rate(d.goodputRequestsPerSecond)) requests/s "
            + "(\(ServingUnits.rate(d.goodputTokensPerSecond)) output tokens/s) meet every target"))
        if let dollars = d.dollarsPerMillionTokens {
            rows.append(("cost", "\(ServingUnits.dollars(dollars)) per 1M output tokens"))
        }
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { "  " + $0.0 + String(repeating: " ", count: max(0, width + 2 - $0.0.count)) + $0.1 }
    }

    static func alternatives(_ deployments: [Deployment]) -> [String] {
        table(["devices", "mode", "TTFT p90", "TPOT p90", "tok/s/device", "$/1M tok", "replicas"],
              right: [true, false, true, true, true, true, false],
              deployments.prefix(maxRows).map { d in
                  [String(d.devices), d.mode.rawValue, HumanUnits.seconds(d.ttftP90), HumanUnits.seconds(d.tpotP90),
                   ServingUnits.rate(d.tokensPerSecondPerDevice),
                   d.dollarsPerMillionTokens.map(ServingUnits.dollars) ?? "-",
                   d.pools.map(ServingUnits.pool).joined(separator: " + ")]
              }) + more(deployments.count)
    }

    static func rejections(_ rejections: [ServingRejection]) -> [String] {
        table(["devices", "replicas", "why"], right: [true, false, false],
              rejections.prefix(maxRows).map { r in
                  [String(r.devices), Escaping.terminal("\(r.replicas) x \(r.config)"), Escaping.terminal(r.reason)]
              }) + more(rejections.count)
    }

    static func frontier(_ points: [ParetoPoint]) -> [String] {
        table(["tok/s/user", "tok/s/device", "concurrency", "replica"], right: [true, true, true, false],
              points.prefix(maxRows * 2).map { p in
                  [ServingUnits.rate(p.tokensPerSecondPerUser), ServingUnits.rate(p.tokensPerSecondPerDevice),
                   String(p.concurrency), Escaping.terminal(p.config.description)]
              }) + more(points.count, shown: maxRows * 2)
    }

    static func more(_ count: Int, shown: Int = maxRows) -> [String] {
        count > shown ? ["  ... and \(count - shown) more (--format json lists them all)"] : []
    }

    /// An aligned table, two spaces of indent and between columns.
    static func table(_ header: [String], right: [Bool], _ rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            let cells = row.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return right[index] ? pad + cell : (index == row.count - 1 ? cell : cell + pad)
            }
            return "  " + cells.joined(separator: "  ")
        }
    }
}
