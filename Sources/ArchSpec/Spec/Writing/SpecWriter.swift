/// Writes a resolved spec as archspec YAML that loads back to the identical `ArchitectureSpec`.
///
/// Every value that has a default depending on other keys is written explicitly; optional variant sections are
/// written when they are set. `notes` adds a trailing comment per key path (where a converted value came from).
public struct SpecWriter: Sendable {
    /// Key path to a comment, such as `layers` -> `num_hidden_layers`.
    public var notes: [String: String]
    /// Comment lines written above the spec.
    public var header: [String]

    public init(notes: [String: String] = [:], header: [String] = []) {
        self.notes = notes
        self.header = header
    }

    /// The YAML text.
    public func write(_ spec: ArchitectureSpec) -> String {
        var out = Lines(notes: notes)
        for line in header { out.comment(line) }
        out.line("archspec", "\(SpecSchema.version)", path: "archspec")
        out.line("name", quoted(spec.name), path: "name")
        out.line("vocab_size", "\(spec.vocabSize)", path: "vocab_size")
        out.line("hidden_size", "\(spec.hiddenSize)", path: "hidden_size")
        out.line("layers", "\(spec.layers)", path: "layers")
        out.line("context_length", "\(spec.contextLength)", path: "context_length")
        out.line("dtype", spec.dtype.rawValue, path: "dtype")
        out.line("tie_embeddings", "\(spec.tieEmbeddings)", path: "tie_embeddings")
        if spec.lmHeadBias { out.line("lm_head_bias", "true", path: "lm_head_bias") }
        if spec.parallelAttention { out.line("parallel_attention", "true", path: "parallel_attention") }
        writeLayout(spec, to: &out)
        writeAttention(spec.attention, layout: spec.layout, to: &out)
        writeAttentionDetails(spec, to: &out)
        out.section("mlp")
        out.line("kind", spec.mlp.kind.rawValue, path: "mlp.kind", indent: 1)
        out.line("intermediate_size", perLayer(spec.layout.intermediateSizes, scalar: spec.mlp.intermediateSize),
                 path: "mlp.intermediate_size", indent: 1)
        out.line("activation", quoted(spec.mlp.activation), path: "mlp.activation", indent: 1)
        out.line("bias", "\(spec.mlp.bias)", path: "mlp.bias", indent: 1)
        writeChannelLayout(spec, to: &out)
        if let moe = spec.moe { writeMoE(moe, placement: spec.layout.channels.isEmpty, to: &out) }
        out.section("norm")
        out.line("kind", spec.norm.kind.rawValue, path: "norm.kind", indent: 1)
        out.line("bias", "\(spec.norm.bias)", path: "norm.bias", indent: 1)
        out.line("per_layer", "\(spec.norm.perLayer)", path: "norm.per_layer", indent: 1)
        if !spec.norm.weight { out.line("weight", "false", path: "norm.weight", indent: 1) }
        if !spec.norm.final { out.line("final", "false", path: "norm.final", indent: 1) }
        writePosition(spec.position, to: &out)
        let p = spec.parallelism
        if p != ParallelismSpec() {
            out.section("parallelism")
            out.line("tensor", "\(p.tensor)", path: "parallelism.tensor", indent: 1)
            out.line("pipeline", "\(p.pipeline)", path: "parallelism.pipeline", indent: 1)
            out.line("expert", "\(p.expert)", path: "parallelism.expert", indent: 1)
        }
        return out.text
    }

    func writeAttention(_ a: AttentionSpec, layout: LayerLayoutSpec, to out: inout Lines) {
        out.section("attention")
        if a.kind != .standard { out.line("kind", a.kind.rawValue, path: "attention.kind", indent: 1) }
        out.line("heads", perLayer(layout.heads, scalar: a.heads), path: "attention.heads", indent: 1)
        if let mla = a.mla {
            if let rank = mla.qLoraRank { out.line("q_lora_rank", "\(rank)", path: "attention.q_lora_rank", indent: 1) }
            out.line("kv_lora_rank", "\(mla.kvLoraRank)", path: "attention.kv_lora_rank", indent: 1)
            out.line("qk_rope_head_dim", "\(mla.qkRopeHeadDim)", path: "attention.qk_rope_head_dim", indent: 1)
            out.line("qk_nope_head_dim", "\(mla.qkNopeHeadDim)", path: "attention.qk_nope_head_dim", indent: 1)
            out.line("v_head_dim", "\(mla.vHeadDim)", path: "attention.v_head_dim", indent: 1)
        } else {
            out.line("kv_heads", perLayer(layout.kvHeads, scalar: a.kvHeads), path: "attention.kv_heads", indent: 1)
            out.line("head_dim", "\(a.headDim)", path: "attention.head_dim", indent: 1)
        }
        out.line("qkv_bias", "\(a.qkvBias)", path: "attention.qkv_bias", indent: 1)
        out.line("out_bias", "\(a.outBias)", path: "attention.out_bias", indent: 1)
        if a.qkNorm != .none { out.line("qk_norm", a.qkNorm.rawValue, path: "attention.qk_norm", indent: 1) }
        if let window = a.slidingWindow {
            if window.window > 0 {
                out.line("sliding_window", "\(window.window)", path: "attention.sliding_window", indent: 1)
            }
            if !window.pattern.isEmpty {
                out.line("layer_pattern", list(window.pattern.map(\.rawValue)), path: "attention.layer_pattern", indent: 1)
            }
            if !window.fullLayers.isEmpty {
                out.line("full_layers", list(window.fullLayers.map(String.init)), path: "attention.full_layers", indent: 1)
            }
            if !window.slidingLayers.isEmpty {
                out.line("sliding_layers", list(window.slidingLayers.map(String.init)), path: "attention.sliding_layers",
                         indent: 1)
            }
        }
    }

    func writeMoE(_ moe: MoESpec, placement: Bool, to out: inout Lines) {
        out.section("moe")
        out.line("experts", "\(moe.experts)", path: "moe.experts", indent: 1)
        out.line("top_k", "\(moe.topK)", path: "moe.top_k", indent: 1)
        out.line("shared_experts", "\(moe.sharedExperts)", path: "moe.shared_experts", indent: 1)
        out.line("expert_intermediate_size", "\(moe.expertIntermediateSize)", path: "moe.expert_intermediate_size", indent: 1)
        out.line("shared_expert_intermediate_size", "\(moe.sharedExpertIntermediateSize)",
                 path: "moe.shared_expert_intermediate_size", indent: 1)
        if placement {
            out.line("dense_layers", "\(moe.denseLayers)", path: "moe.dense_layers", indent: 1)
            out.line("layer_interval", "\(moe.layerInterval)", path: "moe.layer_interval", indent: 1)
        }
        if placement, !moe.denseLayerIndices.isEmpty {
            out.line("dense_layer_indices", list(moe.denseLayerIndices.map(String.init)), path: "moe.dense_layer_indices",
                     indent: 1)
        }
        out.line("router_bias", "\(moe.routerBias)", path: "moe.router_bias", indent: 1)
        out.line("shared_expert_gate", "\(moe.sharedExpertGate)", path: "moe.shared_expert_gate", indent: 1)
        if let groups = moe.groups { out.line("n_group", "\(groups)", path: "moe.n_group", indent: 1) }
        if let chosen = moe.topKGroups { out.line("topk_group", "\(chosen)", path: "moe.topk_group", indent: 1) }
    }

    func writePosition(_ position: PositionSpec, to out: inout Lines) {
        out.section("position")
        out.line("kind", position.kind.rawValue, path: "position.kind", indent: 1)
        if let theta = position.ropeTheta { out.line("rope_theta", "\(theta)", path: "position.rope_theta", indent: 1) }
        if position.offset > 0 { out.line("offset", "\(position.offset)", path: "position.offset", indent: 1) }
        if let scaling = position.ropeScaling {
            out.line("rope_scaling", "", path: "position.rope_scaling", indent: 1)
            out.line("type", scaling.type, path: "position.rope_scaling.type", indent: 2)
            if let factor = scaling.factor { out.line("factor", "\(factor)", path: "position.rope_scaling.factor", indent: 2) }
            if let original = scaling.originalContextLength {
                out.line("original_context_length", "\(original)", path: "position.rope_scaling.original_context_length",
                         indent: 2)
            }
        }
    }

    func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

    /// A double-quoted YAML string with `\` and `"` escaped, every scalar the terminal sink escapes (controls,
    /// line separators, bidi and other format characters) as a `\u` or `\U` escape, and the `[` of `##[` as
    /// `\x5b`: the file reads back to the same string, and no line of it is a workflow command.
    func quoted(_ text: String) -> String {
        var result = "\""
        var hashes = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "[" where hashes >= 2: result += "\\x5b"
            default:
                if Escaping.isUnsafe(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    let width = scalar.value > 0xFFFF ? 8 : 4
                    result += (width == 8 ? "\\U" : "\\u") + String(repeating: "0", count: width - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
            hashes = scalar == "#" ? hashes + 1 : 0
        }
        return result + "\""
    }
}

/// Accumulates YAML lines with aligned trailing comments.
struct Lines {
    let notes: [String: String]
    var text = ""

    mutating func comment(_ line: String) { text += line.isEmpty ? "#\n" : "# \(line)\n" }

    mutating func section(_ key: String) { line(key, "", path: key) }

    mutating func line(_ key: String, _ value: String, path: String, indent: Int = 0) {
        var body = String(repeating: "  ", count: indent) + key + ":" + (value.isEmpty ? "" : " " + value)
        if let note = notes[path] {
            body = TextTable.pad(body, 40) + "  # " + Escaping.short(note, limit: 200)
        }
        text += body + "\n"
    }
}
