/// The part of the model a tensor belongs to, matching the estimate's parameter components so a checkpoint
/// and a spec can be held against each other group by group.
public enum TensorGroup: String, Hashable, Codable, Sendable, CaseIterable {
    case embedding, position, attention, ssm, mlp, experts, norm
    case lmHead = "lm_head"
    case mtp, vision, other

    /// What the group holds, for reports.
    public var meaning: String {
        switch self {
        case .embedding: "token embedding"
        case .position: "learned position table"
        case .attention: "attention projections, biases, sinks"
        case .ssm: "state-space, linear-attention and convolution mixers"
        case .mlp: "dense MLPs, shared experts, routers"
        case .experts: "routed experts"
        case .norm: "norms, q/k norms"
        case .lmHead: "output projection"
        case .mtp: "multi-token-prediction layers"
        case .vision: "vision tower and projector"
        case .other: "tensors archcalc does not recognise"
        }
    }
}

/// Names tensors by group, for Hugging Face (transformers) names and GGUF (llama.cpp) names.
enum TensorNaming {
    /// The group of a parameter tensor.
    ///
    /// - Parameters:
    ///   - name: The tensor's name, without a packing suffix (`_blocks`).
    ///   - layers: The model's decoder layers, when known: layers at or past it are MTP layers (DeepSeek-V3
    ///     and GLM-4.5 store their prediction layer as `model.layers.61`).
    static func group(of name: String, layers: Int? = nil) -> TensorGroup {
        let parts = name.asciiLowercased.utf8.split(separator: UInt8(ascii: ".")).map { String(decoding: $0, as: UTF8.self) }
        func has(_ part: String) -> Bool { parts.contains(part) }
        func hasPrefix(_ prefix: String) -> Bool { parts.contains { $0.bytesHavePrefix(prefix) } }
        if parts.first == "v" || parts.first == "mm" || hasPrefix("vision") || hasPrefix("visual")
            || has("multi_modal_projector") || has("mm_projector") || hasPrefix("audio") {
            return .vision
        }
        if has("mtp") || has("nextn") || parts.first == "mtp" { return .mtp }
        if let layers, let index = layerIndex(parts), index >= layers { return .mtp }
        let leaf = parts.count >= 2 ? parts[parts.count - 2] : (parts.last ?? "")
        if has("embed_tokens") || has("wte") || has("word_embeddings") || has("embed_in") || has("tok_embeddings")
            || has("token_embd") || (has("embeddings") && !hasPrefix("position")) || has("embedding") {
            return .embedding
        }
        if has("wpe") || has("embed_positions") || has("position_embd") || has("position_embeddings") { return .position }
        if has("lm_head") || has("embed_out") || (parts.first == "output" && parts.count == 2) { return .lmHead }
        if isMixer(parts, leaf: leaf) { return .ssm }
        if leaf.bytesContain("norm") || leaf.bytesHavePrefix("ln_") || leaf == "ln" || leaf.bytesHaveSuffix("_ln") { return .norm }
        if parts.contains(where: { $0.bytesHavePrefix("shared_expert") || $0.bytesHaveSuffix("_shexp") }) { return .mlp }
        if has("experts") || parts.contains(where: { $0.bytesHaveSuffix("_exps") }) { return .experts }
        if has("mlp") || has("feed_forward") || has("ffn") || has("block_sparse_moe") || has("moe")
            || leaf.bytesHavePrefix("ffn_") || leaf == "router" || leaf == "gate"
            || (has("mixer") && ["up_proj", "down_proj", "gate_proj"].contains(leaf)) {
            return .mlp
        }
        if has("self_attn") || has("attn") || has("attention") || has("self_attention") || leaf.bytesHavePrefix("attn_")
            || ["q_proj", "k_proj", "v_proj", "o_proj", "c_attn", "query_key_value", "dense"].contains(leaf) {
            return .attention
        }
        return .other
    }

    /// The decoder-layer index of a full name.
    /// The name parts after which a layer index follows.
    static let layerMarkers: [[UInt8]] = ["layers", "h", "blk", "layer", "blocks"].map { Array($0.utf8) }

    static func layerIndex(_ name: String) -> Int? {
        let markers = layerMarkers
        var name = name
        return name.withUTF8 { bytes -> Int? in
            var start = 0, previous: Range<Int>? = nil
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: ".") { end += 1 }
                if let before = previous, markers.contains(where: { $0.elementsEqual(bytes[before]) }), end > start, end - start < 10,
                   bytes[start..<end].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    return bytes[start..<end].reduce(0) { $0 * 10 + Int($1 - 0x30) }
                }
                previous = start..<end
                start = end + 1
            }
            return nil
        }
    }

    /// The decoder-layer index in `model.layers.12.…`, `h.3.…`, `blk.7.…`.
    static func layerIndex(_ parts: [String]) -> Int? {
        for (index, part) in parts.enumerated() where ["layers", "h", "blk", "layer", "blocks"].contains(part) {
            if index + 1 < parts.count, let value = Int(parts[index + 1]) { return value }
        }
        return nil
    }

    /// Mamba, Mamba-2, gated DeltaNet, lightning attention and short-convolution mixers. Nemotron-H names
    /// every layer's mixer `mixer`: its attention and MLP layers are told apart by their projections.
    static func isMixer(_ parts: [String], leaf: String) -> Bool {
        if parts.contains(where: { ["mamba", "linear_attn", "conv", "ssm"].contains($0) }) { return true }
        if leaf.bytesHavePrefix("ssm_") || leaf.bytesHavePrefix("time_mix") { return true }
        guard parts.contains("mixer") else { return false }
        return !["q_proj", "k_proj", "v_proj", "o_proj", "up_proj", "down_proj", "gate_proj"].contains(leaf)
            && !parts.contains("experts") && !parts.contains("gate") && !parts.contains(where: { $0.bytesHavePrefix("shared_expert") })
    }

    /// Buffers stored beside the parameters (not parameters): rotary frequencies, position ids, DeepSeek's
    /// router score correction, GPT-2's causal masks, llama.cpp's `rope_freqs`.
    static func isBuffer(_ name: String, shape: [Int]) -> Bool {
        // Most names end in `.weight`, which no buffer does but llama.cpp's `rope_freqs.weight`: answered
        // without looking further.
        if name.bytesHaveSuffix(".weight"), name.utf8.first.map({ $0 | 0x20 }) != UInt8(ascii: "r") { return false }
        let lower = name.asciiLowercased
        if lower.bytesHaveSuffix("inv_freq") || lower.bytesHaveSuffix(".position_ids") || lower.bytesHaveSuffix("e_score_correction_bias")
            || lower.bytesHaveSuffix("masked_bias") || lower.bytesHaveSuffix("_extra_state") || lower.bytesHavePrefix("rope_freqs")
            || lower.bytesHaveSuffix(".exp_probs_b.bias") || lower.bytesHaveSuffix(".exp_probs_b") {
            return true
        }
        // GPT-2's `h.0.attn.bias` is its causal mask: [1, 1, n_positions, n_positions].
        return lower.bytesHaveSuffix(".attn.bias") && shape.count == 4
    }
}
