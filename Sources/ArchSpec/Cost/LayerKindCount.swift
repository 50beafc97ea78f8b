/// How many layers of one kind a model has, for the per-layer-kind breakdown of an estimate.
public struct LayerKindCount: Hashable, Codable, Sendable {
    /// Token mixer: `full`, `sliding`, `chunked`, `mla`, `gated_deltanet`, `lightning`, `mamba`, `mamba2`,
    /// `full+mamba2`, `none`.
    public var mixer: String
    /// The span or sharing detail: `window 128`, `chunk 8192`, `kv from layer 3`, or empty.
    public var detail: String
    /// Channel mixer: `mlp`, `moe` or `none`.
    public var channel: String
    public var count: Int

    /// `12 sliding (window 128)`.
    public var phrase: String {
        "\(count) \(mixer)" + (detail.isEmpty ? "" : " (\(detail))")
    }

    /// Counts by mixer and detail (channel mixers are merged unless they are the only difference).
    static func summary(_ plan: LayerPlan) -> [LayerKindCount] {
        var order: [LayerKindCount] = []
        var index: [String: Int] = [:]
        for (layer, count) in plan.groups where count > 0 {
            var detail = ""
            if let a = layer.mixer.attention {
                switch a.span {
                case .full: break
                case .sliding(let window): detail = "window \(window)"
                case .chunked(let size): detail = "chunk \(size)"
                }
                if a.readsSharedKV { detail += (detail.isEmpty ? "" : ", ") + "shared KV" }
            }
            let key = "\(layer.mixer.label)|\(detail)|\(layer.channel.label)"
            if let at = index[key] {
                order[at].count += count
            } else {
                index[key] = order.count
                order.append(LayerKindCount(mixer: layer.mixer.label, detail: detail, channel: layer.channel.label,
                                            count: count))
            }
        }
        return order
    }
}

extension LayerKindCount {
    /// `12 sliding (window 128) + 12 full`; MoE and MLP-less layers are named when the model mixes them.
    static func sentence(_ kinds: [LayerKindCount]) -> String {
        let channels = Set(kinds.map(\.channel))
        return kinds.map { kind in
            if kind.mixer == "none" {
                return kind.channel == "none" ? "\(kind.count) identity" : "\(kind.count) \(kind.channel)-only"
            }
            return kind.phrase + (channels.count > 1 ? " \(kind.channel == "none" ? "without MLP" : "with \(kind.channel)")" : "")
        }.joined(separator: " + ")
    }
}
