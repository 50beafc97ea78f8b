import Foundation

/// Tiny checkpoints with transformers' names, plain or packed, and their config.json. Shared by both test
/// targets (symlinked). Dimensions: vocab 1000, hidden 64, 2 layers, 4 heads of 16, 2 KV heads, MLP 128.
enum TinyLlama {
    static let vocab = 1000, hidden = 64, layers = 2, heads = 4, kvHeads = 2, headDim = 16, inner = 128

    /// Hand-worked parameter counts: attention 2 x (64·64 + 32·64 + 32·64 + 64·64), MLP 2 x 3·128·64,
    /// norms 2 x 2·64 + 64, embedding and lm_head 1000·64 each.
    static let attention = 24_576, mlp = 49_152, norm = 320, embedding = 64_000
    static let total = attention + mlp + norm + 2 * embedding  // 202,048
    /// Weights of the seven linear projections (what packed formats pack).
    static let linear = attention + mlp

    enum Format: String, CaseIterable {
        case plain, gptq, awq, mlx, nvfp4, bnb4, bnb8, fp8
    }

    static func config(tied: Bool = false, quantization: String? = nil) -> String {
        var text = """
            {"model_type": "llama", "vocab_size": \(vocab), "hidden_size": \(hidden), "num_hidden_layers": \(layers),
             "num_attention_heads": \(heads), "num_key_value_heads": \(kvHeads), "intermediate_size": \(inner),
             "max_position_embeddings": 512, "tie_word_embeddings": \(tied), "torch_dtype": "bfloat16",
             "rms_norm_eps": 1e-05, "hidden_act": "silu", "rope_theta": 10000.0
            """
        if let quantization { text += ", " + quantization }
        return text + "}\n"
    }

    /// The quantisation section config.json carries for each packed format.
    static func quantization(_ format: Format) -> String? {
        switch format {
        case .plain, .nvfp4, .bnb4, .bnb8, .fp8: nil
        case .gptq: #""quantization_config": {"quant_method": "gptq", "bits": 4, "group_size": 32}"#
        case .awq: #""quantization_config": {"quant_method": "awq", "bits": 4, "group_size": 32}"#
        case .mlx: #""quantization": {"group_size": 32, "bits": 4}"#
        }
    }

    /// The tensors of one linear weight `[out, in]` in a format.
    static func linear(_ name: String, out: Int, in inner: Int, _ format: Format) -> [CheckpointWriter.Tensor] {
        typealias T = CheckpointWriter.Tensor
        let groups = inner / 32
        switch format {
        case .plain: return [T(name + ".weight", "BF16", [out, inner])]
        case .gptq: return [T(name + ".qweight", "I32", [inner / 8, out]), T(name + ".qzeros", "I32", [groups, out / 8]),
                            T(name + ".scales", "F16", [groups, out]), T(name + ".g_idx", "I32", [inner])]
        case .awq: return [T(name + ".qweight", "I32", [inner, out / 8]), T(name + ".qzeros", "I32", [groups, out / 8]),
                           T(name + ".scales", "F16", [groups, out])]
        case .mlx: return [T(name + ".weight", "U32", [out, inner / 8]), T(name + ".scales", "BF16", [out, groups]),
                           T(name + ".biases", "BF16", [out, groups])]
        case .nvfp4: return [T(name + ".weight", "U8", [out, inner / 2]), T(name + ".weight_scale", "F8_E4M3", [out, inner / 16]),
                             T(name + ".weight_scale_2", "F32", []), T(name + ".input_scale", "F32", [])]
        case .bnb4: return [T(name + ".weight", "U8", [out * inner / 2, 1]), T(name + ".weight.absmax", "F32", [out * inner / 64]),
                            T(name + ".weight.quant_map", "F32", [16]), T(name + ".weight.quant_state.bitsandbytes__nf4", "U8", [100])]
        case .bnb8: return [T(name + ".weight", "I8", [out, inner]), T(name + ".SCB", "F32", [out])]
        case .fp8: return [T(name + ".weight", "F8_E4M3", [out, inner]), T(name + ".weight_scale_inv", "F32", [1, 1])]
        }
    }

    /// Every tensor, transformers' names, with rotary buffers; `savedHead` writes lm_head even when tied.
    static func tensors(_ format: Format = .plain, savedHead: Bool = true, qkvBias: Bool = false) -> [CheckpointWriter.Tensor] {
        typealias T = CheckpointWriter.Tensor
        var list = [T("model.embed_tokens.weight", "BF16", [vocab, hidden])]
        for layer in 0..<layers {
            let p = "model.layers.\(layer)."
            list += linear(p + "self_attn.q_proj", out: heads * headDim, in: hidden, format)
            list += linear(p + "self_attn.k_proj", out: kvHeads * headDim, in: hidden, format)
            list += linear(p + "self_attn.v_proj", out: kvHeads * headDim, in: hidden, format)
            list += linear(p + "self_attn.o_proj", out: hidden, in: heads * headDim, format)
            if qkvBias {
                list += [T(p + "self_attn.q_proj.bias", "BF16", [heads * headDim]), T(p + "self_attn.k_proj.bias", "BF16", [kvHeads * headDim]),
                         T(p + "self_attn.v_proj.bias", "BF16", [kvHeads * headDim])]
            }
            list += linear(p + "mlp.gate_proj", out: inner, in: hidden, format)
            list += linear(p + "mlp.up_proj", out: inner, in: hidden, format)
            list += linear(p + "mlp.down_proj", out: hidden, in: inner, format)
            list += [T(p + "input_layernorm.weight", "BF16", [hidden]), T(p + "post_attention_layernorm.weight", "BF16", [hidden]),
                     T(p + "self_attn.rotary_emb.inv_freq", "F32", [headDim / 2])]
        }
        list.append(T("model.norm.weight", "BF16", [hidden]))
        if savedHead { list.append(T("lm_head.weight", "BF16", [vocab, hidden])) }
        return list
    }

    /// A checkpoint directory: config.json and one model.safetensors.
    static func directory(_ format: Format = .plain, tied: Bool = false) throws -> String {
        let directory = try CheckpointWriter.directory()
        try CheckpointWriter.text(directory + "/config.json", config(tied: tied, quantization: quantization(format)))
        try CheckpointWriter.safetensors(directory + "/model.safetensors", tensors(format))
        return directory
    }
}

/// A tiny llama GGUF: hidden 256, 2 layers, 8 heads of 32, 4 KV heads, MLP 512, vocab 1024; 1,705,216
/// parameters (1,443,072 tied).
enum TinyGGUF {
    /// A llama GGUF as llama.cpp names it, Q4_K matrices, Q6_K output, F32 norms.
    static func llama(tied: Bool = false, qkvBias: Bool = false, headsArray: Bool = false, feedForward: UInt32 = 512,
                      architecture: String = "llama", extra: [(String, [UInt64], UInt32)] = []) throws -> String {
        let (vocab, hidden, layers, inner) = (1024, 256, 2, 512)
        var tensors: [(String, [UInt64], UInt32)] = [("token_embd.weight", [256, 1024], 12), ("output_norm.weight", [256], 0)]
        if !tied { tensors.append(("output.weight", [256, 1024], 14)) }
        for layer in 0..<layers {
            let p = "blk.\(layer)."
            tensors += [(p + "attn_norm.weight", [256], 0), (p + "attn_q.weight", [256, 256], 12), (p + "attn_k.weight", [256, 128], 12),
                        (p + "attn_v.weight", [256, 128], 12), (p + "attn_output.weight", [256, 256], 12), (p + "ffn_norm.weight", [256], 0),
                        (p + "ffn_gate.weight", [256, 512], 12), (p + "ffn_up.weight", [256, 512], 12), (p + "ffn_down.weight", [512, 256], 12)]
            if qkvBias { tensors += [(p + "attn_q.bias", [256], 0), (p + "attn_k.bias", [128], 0), (p + "attn_v.bias", [128], 0)] }
        }
        tensors.append(("rope_freqs.weight", [32], 0))
        tensors += extra
        var gguf = GGUFBuilder()
        let a = architecture
        gguf.header(tensors: UInt64(tensors.count), keys: 9)
        gguf.keyString("general.architecture", a)
        gguf.keyString("general.name", "Tiny Llama")
        gguf.keyU32("\(a).block_count", UInt32(layers))
        gguf.keyU32("\(a).embedding_length", UInt32(hidden))
        gguf.keyU32("\(a).feed_forward_length", feedForward)
        gguf.keyU32("\(a).context_length", 2048)
        if headsArray { gguf.keyU32Array("\(a).attention.head_count", [8, 8]) } else { gguf.keyU32("\(a).attention.head_count", 8) }
        gguf.keyU32("\(a).attention.head_count_kv", 4)
        gguf.keyStringArray("tokenizer.ggml.tokens", count: vocab)
        _ = inner
        var offset = 0
        for (name, dims, type) in tensors {
            gguf.tensor(name, dims: dims, type: type, offset: UInt64(offset))
            let elements = dims.reduce(1, *)
            let bytes = type == 0 ? Int(elements) * 4 : type == 12 ? Int(elements) / 256 * 144 : Int(elements) / 256 * 210
            offset += (bytes + 31) / 32 * 32
        }
        let path = try CheckpointWriter.directory() + "/tiny-llama-Q4_K_M.gguf"
        try gguf.write(path, dataBytes: offset)
        return path
    }
}

/// A checkpoint of `layers` tiny llama layers, one shard per layer, with its index and config.
enum ShardedLlama {
    static func directory(layers: Int) throws -> String {
        typealias T = CheckpointWriter.Tensor
        let directory = try CheckpointWriter.directory()
        let config = TinyLlama.config().replacingOccurrences(of: "\"num_hidden_layers\": 2", with: "\"num_hidden_layers\": \(layers)")
        try CheckpointWriter.text(directory + "/config.json", config)
        var shards: [(file: String, tensors: [T])] = []
        let perLayer = TinyLlama.tensors().filter { $0.name.hasPrefix("model.layers.0.") }
        for layer in 0..<layers {
            var tensors = perLayer.map { T($0.name.replacingOccurrences(of: "model.layers.0.", with: "model.layers.\(layer)."), $0.dtype, $0.shape) }
            if layer == 0 { tensors.append(T("model.embed_tokens.weight", "BF16", [TinyLlama.vocab, TinyLlama.hidden])) }
            if layer == layers - 1 {
                tensors += [T("model.norm.weight", "BF16", [TinyLlama.hidden]), T("lm_head.weight", "BF16", [TinyLlama.vocab, TinyLlama.hidden])]
            }
            let file = String(format: "model-%05d-of-%05d.safetensors", layer + 1, layers)
            try CheckpointWriter.safetensors(directory + "/" + file, tensors)
            shards.append((file, tensors))
        }
        let bytes = shards.flatMap(\.tensors).reduce(0) { $0 + $1.shape.reduce(1, *) * (CheckpointWriter.bits[$1.dtype] ?? 8) / 8 }
        try CheckpointWriter.index(directory + "/model.safetensors.index.json", shards: shards, totalSize: bytes)
        return directory
    }

    /// Parameters of `layers` tiny llama layers with the embedding, final norm and lm_head.
    static func parameters(layers: Int) -> Int {
        layers * (TinyLlama.attention + TinyLlama.mlp + (TinyLlama.norm - TinyLlama.hidden)) / TinyLlama.layers
            + 2 * TinyLlama.embedding + TinyLlama.hidden
    }
}
