/// Multimodal wrappers (Gemma 3, Mistral 3, Llama 4, Qwen2.5-VL, Qwen3-VL): the text model is mapped from
/// `text_config` (or the top level, for Qwen2.5-VL's published config) by its own family's mapping; the vision
/// tower and projector become `vision_parameters`, reported apart from the text model's total.
extension HFMapping {
    /// Keys of a wrapper's top level with no cost effect beyond the text and vision configs.
    static let wrapperKeys: Set<String> = [
        "text_config", "vision_config", "image_token_index", "image_token_id", "boi_token_index", "eoi_token_index",
        "mm_tokens_per_image", "video_token_id", "vision_start_token_id", "vision_end_token_id", "vision_token_id",
        "vision_feature_layer", "vision_feature_select_strategy", "projector_hidden_act", "multimodal_projector_bias",
        "spatial_merge_size", "image_seq_length",
    ]

    /// - Parameter config: the wrapper's reader; a refusal's located error is recorded in it.
    static func wrapped(config: inout HFConfigReader, family wrapperFamily: HFFamily, wrapper: HFMultimodal, name: String)
        -> HFMapping? {
        var outer = config
        defer { if outer.diagnostics.count > config.diagnostics.count { config.diagnostics = outer.diagnostics } }
        let textEntry = outer.entry("text_config")
        let onTop = textEntry == nil && wrapper.textAtTopLevel
        guard onTop || textEntry?.value.mapping != nil else {
            outer.error(.missingField, "\(wrapperFamily.modelType) config has no text_config mapping; archcalc reads the text model from it",
                        at: textEntry?.value.location ?? outer.mapping.location, key: "text_config")
            return nil
        }
        var text = onTop ? outer : HFConfigReader(mapping: textEntry!.value.mapping!, file: outer.file)
        let innerType = onTop ? nil : text.string("model_type")
        guard let textFamily = innerType.flatMap(HFFamily.named) ?? HFFamily.named(wrapper.textType),
              !textFamily.isMultimodal else {
            text.error(.unsupported, HFImport.unsupportedMessage(innerType ?? wrapper.textType), at: text.location("model_type"),
                       key: "text_config.model_type")
            outer.diagnostics += text.diagnostics
            return nil
        }
        var mapper = HFMapping(config: text, family: textFamily)
        if !onTop { mapper.outer = outer }
        mapper.set("archspec", .integer(SpecSchema.version), note: "archspec format version")
        mapper.set("name", .string(name), note: "from the file name")
        mapper.mapCommon()
        mapper.mapFamily()
        mapper.mapWrapperTop(wrapperFamily, onTop: onTop)
        mapper.mapVision(wrapper.vision, wrapperFamily: wrapperFamily, onTop: onTop)
        return mapper
    }

    /// The wrapper's `tie_word_embeddings` (its class default when absent) decides the lm_head; a text_config
    /// without a dtype takes the wrapper's.
    mutating func mapWrapperTop(_ wrapperFamily: HFFamily, onTop: Bool) {
        var top = onTop ? config : (outer ?? config)
        let tie = top.bool("tie_word_embeddings") ?? wrapperFamily.tie
        set("tie_embeddings", .boolean(tie),
            note: top.has("tie_word_embeddings") ? "tie_word_embeddings (of the \(wrapperFamily.modelType) wrapper)"
                : "tie_word_embeddings absent: \(wrapperFamily.configClass) default (the wrapper decides)",
            key: onTop && top.has("tie_word_embeddings") ? "tie_word_embeddings" : nil)
        if !onTop, !config.has("torch_dtype"), !config.has("dtype") {
            let key = top.has("torch_dtype") ? "torch_dtype" : "dtype"
            top.markRead(["torch_dtype", "dtype"])
            if let text = top.string(key), let dtype = DType.parse(text) {
                set("dtype", .string(dtype.rawValue), note: "\(key) of the \(wrapperFamily.modelType) wrapper")
            }
        }
        if onTop { config = top } else { outer = top }
    }

    mutating func mapVision(_ tower: HFVisionTower, wrapperFamily: HFFamily, onTop: Bool) {
        var top = onTop ? config : (outer ?? config)
        defer { if onTop { config = top } else { outer = top } }
        guard let entry = top.entry("vision_config"), let mapping = entry.value.mapping else {
            return top.warning(.unsupported, "\(wrapperFamily.modelType) config has no vision_config: the vision tower is not counted",
                               at: top.mapping.location, key: "vision_config")
        }
        var vision = HFConfigReader(mapping: mapping, file: top.file)
        let textHidden = values["hidden_size"]?.integer ?? 0
        let count = tower.parameters(&vision, textHidden: textHidden, wrapper: &top)
        top.diagnostics += vision.diagnostics
        guard let count else { return }
        set("vision_parameters", .integer(count),
            note: "vision_config: \(tower.rawValue) vision tower and projector (reported apart from total)")
    }
}

extension HFFamily {
    var isMultimodal: Bool { if case .multimodal = mapper { true } else { false } }
}
