/// The default output: one readable block per spec, human units, exact integers with `--exact`; then each
/// checkpoint whose architecture could not be recovered, with its counts.
public struct TextEstimateRenderer: Renderer {
    /// Whether to add a column with every formula's exact integer.
    public var exact: Bool

    public init(exact: Bool = false) { self.exact = exact }

    public func render(_ run: EstimationRun) -> String {
        let main = run.reports.map(block).joined(separator: "\n")
        guard !run.unrecovered.isEmpty else { return main }
        return main + (run.reports.isEmpty ? "" : "\n") + run.unrecovered.map { summary in
            "\(Escaping.short(summary.path, limit: 400)) (architecture not recovered)\n" + CheckpointRendering.text(summary)
        }.joined(separator: "\n")
    }

    struct Row {
        var label: String
        var human: String
        var exact: String
        var note: String = ""
    }

    func block(_ report: EstimateReport) -> String {
        let e = report.estimate
        let p = e.parameters
        let tokens = HumanUnits.grouped(Int128(e.context))
        var rows: [Row] = [
            Row(label: "Parameters", human: HumanUnits.count(p.total), exact: HumanUnits.grouped(p.total)),
            Row(label: "  embedding", human: HumanUnits.count(p.embedding), exact: HumanUnits.grouped(p.embedding)),
        ]
        if p.position > 0 {
            rows.append(Row(label: "  position", human: HumanUnits.count(p.position), exact: HumanUnits.grouped(p.position)))
        }
        rows += [
            Row(label: "  attention", human: HumanUnits.count(p.attention), exact: HumanUnits.grouped(p.attention)),
        ]
        if p.ssm > 0 {
            rows.append(Row(label: "  ssm", human: HumanUnits.count(p.ssm), exact: HumanUnits.grouped(p.ssm),
                            note: "state-space and linear-attention mixers"))
        }
        rows += [
            Row(label: "  mlp", human: HumanUnits.count(p.mlp), exact: HumanUnits.grouped(p.mlp)),
            Row(label: "  norm", human: HumanUnits.count(p.norm), exact: HumanUnits.grouped(p.norm)),
            Row(label: "  lm_head", human: HumanUnits.count(p.lmHead), exact: HumanUnits.grouped(p.lmHead),
                note: p.lmHead == 0 ? "tied to the embedding" : ""),
            Row(label: "  active per token", human: HumanUnits.count(p.active), exact: HumanUnits.grouped(p.active)),
        ]
        if p.mtp > 0 {
            rows.append(Row(label: "  MTP layers", human: HumanUnits.count(p.mtp), exact: HumanUnits.grouped(p.mtp),
                            note: "not in the total"))
        }
        if p.vision > 0 {
            rows.append(Row(label: "  vision tower", human: HumanUnits.count(p.vision), exact: HumanUnits.grouped(p.vision),
                            note: "not in the total"))
        }
        rows += [
            Row(label: "Weights (\(e.weights.dtype.rawValue))", human: HumanUnits.bytes(e.weights.bytes),
                exact: HumanUnits.grouped(e.weights.bytes)),
            Row(label: "KV cache per token (\(e.kvCache.dtype.rawValue))", human: HumanUnits.bytes(e.kvCache.bytesPerToken),
                exact: HumanUnits.grouped(e.kvCache.bytesPerToken), note: e.kvCache.latent ? "MLA latent and rope key, all layers, one sequence" : "K and V, all layers, one sequence"),
            Row(label: "KV cache", human: HumanUnits.bytes(e.kvCache.bytes), exact: HumanUnits.grouped(e.kvCache.bytes),
                note: "\(plural(e.context, "token")) x \(plural(e.batch, "sequence"))"
                    + (e.kvCache.window.map { "; \(plural(e.kvCache.windowedLayers, "windowed layer")) \(e.kvCache.windowedLayers == 1 ? "holds" : "hold") at most \(plural($0, "token"))" } ?? "")
                    + (e.kvCache.chunk.map { "; \(plural(e.kvCache.chunkedLayers, "chunked layer")) \(e.kvCache.chunkedLayers == 1 ? "holds" : "hold") at most \(plural($0, "token"))" } ?? "")
                    + (e.kvCache.stateBytes > 0 ? "; state included" : "")),
        ]
        if e.kvCache.stateBytesPerSequence > 0 {
            rows.append(Row(label: "State per sequence (\(e.kvCache.stateDType.rawValue))",
                            human: HumanUnits.bytes(e.kvCache.stateBytesPerSequence),
                            exact: HumanUnits.grouped(e.kvCache.stateBytesPerSequence),
                            note: "recurrent and convolution state, constant in the context"))
        }
        rows += flopRows("Prefill", e.flops.prefill, note: "\(plural(e.batch, "sequence")) of \(plural(e.context, "token")) from an empty cache")
        let perToken = e.flops.decode.total / Int128(e.batch)
        rows += flopRows("Decode step", e.flops.decode,
                         note: "\(plural(e.batch, "new token")) on \(tokens) cached; \(HumanUnits.flops(perToken))/token")
        let title = "\(Escaping.lineStart(e.name, limit: 200)) (\(Escaping.terminal(report.source, limit: 400)))"
        let conventions = "attention FLOPs: \(e.options.attentionFlops.rawValue); logits: \(e.options.logits.rawValue) "
            + (e.options.logits == .last ? "position" : "positions")
            + (e.kvCache.latent ? "; MLA decode: \(e.options.mlaDecode.rawValue)" : "")
        let kinds = e.layerKinds
        let layers = kinds.count > 1 || kinds.contains { $0.mixer != "full" && $0.mixer != "mla" }
            ? "layers: \(LayerKindCount.sentence(kinds))\n" : ""
        let warning = e.contextWarning.map { "warning: \($0.description)\n" } ?? ""
        return title + "\n" + conventions + "\n" + layers + warning + "\n" + table(rows)
            + (report.checkpoint.map { "\n" + CheckpointRendering.text($0) } ?? "")
    }

    func flopRows(_ label: String, _ flops: FlopBreakdown, note: String) -> [Row] {
        [
            Row(label: "\(label) FLOPs", human: HumanUnits.flops(flops.total), exact: HumanUnits.grouped(flops.total), note: note),
            Row(label: "  linear", human: HumanUnits.flops(flops.linear), exact: HumanUnits.grouped(flops.linear)),
            Row(label: "  attention", human: HumanUnits.flops(flops.attention), exact: HumanUnits.grouped(flops.attention)),
        ] + (flops.recurrent > 0 ? [
            Row(label: "  recurrent", human: HumanUnits.flops(flops.recurrent), exact: HumanUnits.grouped(flops.recurrent),
                note: "state update, readout and convolution of linear-attention and state-space layers"),
        ] : [])
    }

    func table(_ rows: [Row]) -> String {
        TextTable(columns: exact ? [.left, .right, .right, .left] : [.left, .right, .left],
                  rows: rows.map { exact ? [$0.label, $0.human, $0.exact, $0.note] : [$0.label, $0.human, $0.note] })
            .rendered
    }
}

/// `1 sequence`, `8,192 tokens`.
func plural(_ count: Int, _ noun: String) -> String {
    "\(HumanUnits.grouped(Int128(count))) \(noun)\(count == 1 ? "" : "s")"
}
