/// Parameter counts of the vision towers and projectors of multimodal wrappers, from `vision_config`, as
/// transformers 5 builds them (defaults: the vision configuration class's keyword defaults).
extension HFVisionTower {
    /// Vision tower plus projector parameters, or `nil` (with a located error in `config`) when a size is invalid.
    func parameters(_ config: inout HFConfigReader, textHidden: Int, wrapper: inout HFConfigReader) -> Int? {
        var reader = VisionReader(config: config)
        let count = count(&reader, textHidden: min(textHidden, 1 << 20), wrapper: &wrapper)
        config = reader.config
        if let key = reader.tooLarge {
            config.error(.outOfRange, "vision_config.\(key) is too large for archcalc to count the vision tower",
                         at: config.location(key), key: key)
            return nil
        }
        return count
    }

    private func count(_ r: inout VisionReader, textHidden: Int, wrapper: inout HFConfigReader) -> Int? {
        switch self {
        case .siglip:
            // SigLIP: patch Conv2d with bias, position table, layers (LayerNorms, biased attention and fc1/fc2),
            // post_layernorm; Gemma 3's projector: mm_input_projection_weight and mm_soft_emb_norm.
            let h = r.size("hidden_size", 768), i = r.size("intermediate_size", 3072), layers = r.size("num_hidden_layers", 12)
            let c = r.size("num_channels", 3), p = max(1, r.size("patch_size", 16)), image = r.size("image_size", 224)
            if r.config.bool("vision_use_head") ?? true {
                r.config.error(.unsupported, "vision_use_head true (SigLIP's attention-pooling head) is not counted",
                             at: r.config.location("vision_use_head"), key: "vision_use_head")
                return nil
            }
            let patches = (image / p) * (image / p)
            let layer = 4 * (h * h + h) + 2 * 2 * h + (h * i + i) + (i * h + h)
            return (h * c * p * p + h) + patches * h + layers * layer + 2 * h + (h * textHidden + h)
        case .pixtral:
            // Pixtral: bias-free patch_conv, ln_pre, layers of RMSNorms, attention and gated MLP; Mistral 3's
            // projector: RMSNorm, patch merger, linear_1 and linear_2.
            let h = r.size("hidden_size", 1024), i = r.size("intermediate_size", 4096), layers = r.size("num_hidden_layers", 24)
            let c = r.size("num_channels", 3), p = r.size("patch_size", 16)
            let merge = max(1, wrapper.int("spatial_merge_size") ?? 2)
            let bias = wrapper.bool("multimodal_projector_bias") ?? false
            let layer = 2 * h + 4 * h * h + 3 * h * i
            let projector = h + h * merge * merge * h + (h * textHidden + (bias ? textHidden : 0))
                + (textHidden * textHidden + (bias ? textHidden : 0))
            return h * c * p * p + h + layers * layer + projector
        case .llama4:
            // Llama 4 vision: unfold patch linear, class and position embeddings, pre/post LayerNorms, layers with
            // biased attention and fc1/fc2, the pixel-shuffle MLP adapter, and the projector to the text width.
            let h = r.size("hidden_size", 768), i = r.size("intermediate_size", 5632), layers = r.size("num_hidden_layers", 34)
            let c = r.size("num_channels", 3), p = max(1, r.size("patch_size", 14)), image = r.size("image_size", 448)
            let input = r.size("projector_input_dim", 4096), output = r.size("projector_output_dim", 4096)
            let visionOutput = r.size("vision_output_dim", 7680)
            if r.config.bool("multi_modal_projector_bias") == true {
                r.config.error(.unsupported, "multi_modal_projector_bias true is not counted (transformers builds linear_1 without bias)",
                             at: r.config.location("multi_modal_projector_bias"), key: "multi_modal_projector_bias")
                return nil
            }
            let patches = (image / p) * (image / p) + 1
            let layer = 4 * (h * h + h) + (h * i + i) + (i * h + h) + 2 * 2 * h
            return c * p * p * h + h + patches * h + 2 * 2 * h + layers * layer + (i * input + output * output)
                + visionOutput * textHidden
        case .qwen25VL:
            // Qwen2.5-VL: bias-free Conv3d patch embedding, blocks of RMSNorms, biased qkv/proj and gated MLP with
            // biases, and the merger (ln_q RMSNorm and its two-layer MLP).
            let h = r.size("hidden_size", 3584), i = r.size("intermediate_size", 3420), depth = r.size("depth", 32)
            let c = r.size("in_channels", 3), p = r.size("patch_size", 14), t = r.size("temporal_patch_size", 2)
            let merge = r.size("spatial_merge_size", 2), out = r.size("out_hidden_size", 3584)
            let block = 2 * h + (h * 3 * h + 3 * h) + (h * h + h) + (3 * h * i + 2 * i + h)
            let merged = h * merge * merge
            return h * c * t * p * p + depth * block + h + (merged * merged + merged) + (merged * out + out)
        case .qwen3VL:
            // Qwen3-VL: Conv3d patch embedding with bias, position table, blocks of LayerNorms, biased attention and
            // fc1/fc2, the merger and one deepstack merger (post-shuffle LayerNorm) per deepstack_visual_indexes entry.
            let h = r.size("hidden_size", 1152), i = r.size("intermediate_size", 4304), depth = r.size("depth", 27)
            let c = r.size("in_channels", 3), p = r.size("patch_size", 16), t = r.size("temporal_patch_size", 2)
            let merge = r.size("spatial_merge_size", 2), out = r.size("out_hidden_size", 3584)
            let positions = r.size("num_position_embeddings", 2304)
            let deepstack = r.config.ints("deepstack_visual_indexes")?.count ?? 3
            let block = 2 * 2 * h + (h * 3 * h + 3 * h) + (h * h + h) + (h * i + i) + (i * h + h)
            let merged = h * merge * merge
            let mlp = (merged * merged + merged) + (merged * out + out)
            return (h * c * t * p * p + h) + positions * h + depth * block + (2 * h + mlp) + deepstack * (2 * merged + mlp)
        case .qwen35:
            // Qwen3.5: Qwen3-VL's tower without deepstack mergers (transformers 5.23 builds none, whatever
            // deepstack_visual_indexes says).
            r.config.markRead(["deepstack_visual_indexes"])
            let h = r.size("hidden_size", 1152), i = r.size("intermediate_size", 4304), depth = r.size("depth", 27)
            let c = r.size("in_channels", 3), p = r.size("patch_size", 16), t = r.size("temporal_patch_size", 2)
            let merge = r.size("spatial_merge_size", 2), out = r.size("out_hidden_size", 3584)
            let positions = r.size("num_position_embeddings", 2304)
            let block = 2 * 2 * h + (h * 3 * h + 3 * h) + (h * h + h) + (h * i + i) + (i * h + h)
            let merged = h * merge * merge
            return (h * c * t * p * p + h) + positions * h + depth * block + (2 * h + (merged * merged + merged) + (merged * out + out))
        }
    }
}

/// A vision_config reader that refuses sizes above 2^20, so the products in the counts cannot overflow.
struct VisionReader {
    var config: HFConfigReader
    var tooLarge: String?

    mutating func size(_ key: String, _ fallback: Int) -> Int {
        let value = max(0, config.int(key) ?? fallback)
        if value > 1 << 20 { tooLarge = key; return 0 }
        return value
    }
}
