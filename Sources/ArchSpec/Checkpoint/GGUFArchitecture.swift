/// Recovers an archspec from a GGUF file's metadata (`<arch>.block_count`, `.embedding_length`,
/// `.feed_forward_length`, `.attention.head_count`, ...) and the presence and shapes of its tensors (biases,
/// a saved output matrix, q/k norms, shared experts). The result is archspec YAML, loaded and resolved like a
/// written spec; what cannot be recovered is named, never guessed.
enum GGUFArchitecture {
    /// Sliding-window layouts llama.cpp hard-codes per architecture (the metadata holds only the window).
    static let windowPatterns: [String: [String]] = [
        "gemma2": ["sliding", "full"], "gemma3": ["sliding", "sliding", "sliding", "sliding", "sliding", "full"],
        "gpt-oss": ["sliding", "full"], "cohere2": ["sliding", "sliding", "sliding", "full"],
    ]

    enum Outcome {
        case spec(String)
        /// What is missing or not representable.
        case missing(String)
    }

    static func archspec(_ m: GGUFMetadata, tensors: [TensorEntry], name: String) -> Outcome {
        guard let arch = m.string("general.architecture") else { return .missing("general.architecture is not set") }
        let key = { (suffix: String) in "\(arch).\(suffix)" }
        let blk = Set(tensors.lazy.filter { $0.name.hasPrefix("blk.0.") }.map { String($0.name.dropFirst(6)) })
        let byName = Dictionary(tensors.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        if let mixer = blk.first(where: { $0.hasPrefix("ssm_") || $0.hasPrefix("time_mix") || $0.hasPrefix("shortconv") }) {
            return .missing("architecture '\(Escaping.short(arch))' has state-space or recurrent layers (blk.0.\(Escaping.short(mixer))), which archcalc does not recover from GGUF metadata yet")
        }
        if blk.contains(where: { $0.hasPrefix("attn_kv_a_mqa") || $0.hasPrefix("attn_q_a") }) {
            return .missing("architecture '\(Escaping.short(arch))' uses multi-head latent attention, which archcalc does not recover from GGUF metadata yet")
        }
        guard let hidden = m.int(key("embedding_length")) else { return .missing("\(key("embedding_length")) is not set") }
        guard let blocks = m.int(key("block_count")) else { return .missing("\(key("block_count")) is not set") }
        guard let context = m.int(key("context_length")) else { return .missing("\(key("context_length")) is not set") }
        guard let heads = m.perLayer(key("attention.head_count")), !heads.isEmpty else {
            return .missing("\(key("attention.head_count")) is not set")
        }
        let nextn = m.int(key("nextn_predict_layers")) ?? 0
        let layers = blocks - nextn
        guard layers >= 1 else { return .missing("\(key("block_count")) \(blocks) leaves no decoder layers") }
        guard let vocab = m.int(key("vocab_size")) ?? m.arrayCount("tokenizer.ggml.tokens") ?? byName["token_embd.weight"]?.shape.last
        else { return .missing("\(key("vocab_size")) is not set and there is no tokenizer.ggml.tokens array") }
        let kvHeads = m.perLayer(key("attention.head_count_kv")) ?? heads
        if heads.contains(0) || kvHeads.contains(0) {
            return .missing("\(key("attention.head_count")) lists layers without attention, which archcalc does not recover from GGUF yet")
        }
        let keyLength = m.int(key("attention.key_length"))
        if let value = m.int(key("attention.value_length")), value != keyLength {
            return .missing("\(key("attention.value_length")) \(value) differs from key_length, which archspec does not express")
        }
        var y: [String] = ["archspec: 1", "name: \(quoted(m.string("general.name") ?? name))", "vocab_size: \(vocab)",
                           "hidden_size: \(hidden)", "layers: \(layers)", "context_length: \(context)",
                           "tie_embeddings: \(byName["output.weight"] == nil)"]
        if nextn > 0 { y.append("mtp_layers: \(nextn)") }
        y.append("attention:")
        y.append("  heads: \(list(heads, layers))")
        y.append("  kv_heads: \(list(kvHeads, layers))")
        let headDim = keyLength ?? (heads.count == 1 && hidden % heads[0] == 0 ? hidden / heads[0] : nil)
        if let headDim { y.append("  head_dim: \(headDim)") }
        y.append("  qkv_bias: \(blk.contains("attn_q.bias") || blk.contains("attn_qkv.bias"))")
        y.append("  out_bias: \(blk.contains("attn_output.bias"))")
        if blk.contains("attn_sinks.weight") || blk.contains("attn_sinks") { y.append("  sinks: true") }
        if let qNorm = byName["blk.0.attn_q_norm.weight"] {
            y.append("  qk_norm: \(qNorm.shape.first == headDim ? "head" : "full")")
        }
        if let window = m.int(key("attention.sliding_window")), window > 0 {
            y.append("  sliding_window: \(window)")
            if let pattern = m.perLayer(key("attention.sliding_window_pattern")), pattern.count == layers {
                y.append("  layer_types: [\(pattern.map { $0 != 0 ? "sliding" : "full" }.joined(separator: ", "))]")
            } else if let pattern = windowPatterns[arch] {
                y.append("  layer_pattern: [\(pattern.joined(separator: ", "))]")
            }
        }
        guard let mlp = mlpLines(m, arch: arch, blk: blk, byName: byName, layers: layers) else {
            return .missing("\(key("feed_forward_length")) is not set (or lists layers without an MLP)")
        }
        y += mlp
        let norms = blk.filter { $0.hasSuffix("norm.weight") && !$0.hasPrefix("attn_q_norm") && !$0.hasPrefix("attn_k_norm") }
        y += ["norm:", "  kind: \(blk.contains("attn_norm.bias") ? "layernorm" : "rmsnorm")", "  per_layer: \(norms.count)",
              "  final: \(byName["output_norm.weight"] != nil)"]
        y += ["position:", "  kind: \(byName["position_embd.weight"] != nil ? "learned" : "rope")"]
        return .spec(y.joined(separator: "\n") + "\n")
    }

    static func mlpLines(_ m: GGUFMetadata, arch: String, blk: Set<String>, byName: [String: TensorEntry],
                         layers: Int) -> [String]? {
        let key = { (suffix: String) in "\(arch).\(suffix)" }
        let experts = m.int(key("expert_count")) ?? 0
        let gated = blk.contains("ffn_gate.weight") || blk.contains("ffn_gate_exps.weight") || blk.contains("ffn_gate_up_exps.weight")
        let bias = blk.contains("ffn_down.bias") || blk.contains("ffn_down_exps.bias")
        let expertWidth = m.int(key("expert_feed_forward_length"))
        guard let width = m.perLayer(key("feed_forward_length")) ?? expertWidth.map({ [$0] }), !width.contains(0) else { return nil }
        var y = ["mlp:", "  kind: \(gated ? "gated" : "plain")", "  intermediate_size: \(list(width, layers))", "  bias: \(bias)"]
        guard experts > 0 else { return y }
        y += ["moe:", "  experts: \(experts)", "  top_k: \(m.int(key("expert_used_count")) ?? 1)"]
        if let expertWidth { y.append("  expert_intermediate_size: \(expertWidth)") }
        if let shared = byName["blk.\(m.int(key("leading_dense_block_count")) ?? 0).ffn_up_shexp.weight"] {
            let count = m.int(key("expert_shared_count")) ?? 1
            let sharedWidth = m.int(key("expert_shared_feed_forward_length")) ?? (shared.shape.count == 2 ? shared.shape[1] / max(1, count) : 0)
            y += ["  shared_experts: \(count)", "  shared_expert_intermediate_size: \(sharedWidth)"]
            if byName.keys.contains(where: { $0.hasSuffix("ffn_gate_inp_shexp.weight") }) { y.append("  shared_expert_gate: true") }
        }
        if let dense = m.int(key("leading_dense_block_count")), dense > 0 { y.append("  dense_layers: \(dense)") }
        if let step = m.int(key("interleave_moe_layer_step")) ?? m.int(key("moe_every_n_layers")), step > 1 {
            y.append("  layer_interval: \(step)")
        }
        if byName.keys.contains(where: { $0.hasSuffix("ffn_gate_inp.bias") }) { y.append("  router_bias: true") }
        return y
    }

    /// A scalar when every layer agrees, else the per-layer list.
    static func list(_ values: [Int], _ layers: Int) -> String {
        if Set(values).count == 1 { return "\(values[0])" }
        return "[" + values.prefix(layers).map(String.init).joined(separator: ", ") + "]"
    }

    /// A YAML double-quoted string with every unusual character escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars.prefix(200) {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.isASCII, scalar.value >= 0x20, scalar.value < 0x7F { out.unicodeScalars.append(scalar) }
                else {
                    let hex = String(scalar.value, radix: 16), width = scalar.value > 0xFFFF ? 8 : 4
                    out += (width == 8 ? "\\U" : "\\u") + String(repeating: "0", count: width - hex.count) + hex
                }
            }
        }
        return out + "\""
    }
}
