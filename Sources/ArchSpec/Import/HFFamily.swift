/// A supported `model_type`: its transformers configuration class, the config key names it uses, the mapper
/// that turns its config into archspec values, and the defaults archcalc applies when a key is absent.
///
/// Defaults are the keyword defaults of the transformers configuration class named in `configClass`
/// (for example `LlamaConfig(vocab_size=32000, ...)`); `docs/spec-format.md` lists them. `HFFamily.all` is the
/// one table of model types: no model_type string is compared outside it.
struct HFFamily: Hashable, Sendable {
    var modelType: String
    var configClass: String
    var mapper: HFMapper
    var keys: HFKeyNames = .standard
    var vocab: Int
    var hidden: Int
    var layers: Int
    var heads: Int
    /// `nil`: equal to heads.
    var kvHeads: Int?
    /// 0: 4 x hidden (the GPT-style default).
    var intermediate: Int
    var maxPositions: Int
    var tie: Bool
    /// `nil`: hidden / heads.
    var headDim: Int?
    var activation: String

    static func named(_ type: String) -> HFFamily? { all.first { $0.modelType == type } }

    static let all: [HFFamily] = legacy + recent + hybrid + multimodal + late
}

/// The config key names of the sizes every family has.
struct HFKeyNames: Hashable, Sendable {
    var hidden = "hidden_size"
    var layers = "num_hidden_layers"
    /// `nil`: the model has no attention heads key (Mamba-2); the mapper sets them.
    var heads: String? = "num_attention_heads"
    var positions: String? = "max_position_embeddings"
    /// The MLP width key; with `HFFamily.intermediate` 0 its absence means 4 x hidden.
    var intermediate: String? = "intermediate_size"
    /// `nil`: the mapper sets the KV heads (Falcon's multi_query, MLA, GPT-style MHA).
    var kvHeads: String? = "num_key_value_heads"

    static let standard = HFKeyNames()
    static let gpt = HFKeyNames(hidden: "n_embd", layers: "n_layer", heads: "n_head", positions: "n_positions",
                                intermediate: "n_inner", kvHeads: nil)
    static let mha = HFKeyNames(kvHeads: nil)
    static let falcon = HFKeyNames(intermediate: "ffn_hidden_size", kvHeads: nil)
    static let opt = HFKeyNames(intermediate: "ffn_dim", kvHeads: nil)
    static let mamba2 = HFKeyNames(heads: nil, positions: nil, intermediate: nil, kvHeads: nil)
}

/// How a family's config becomes archspec values: one case per mapping function, so `mapFamily` is a
/// compiler-checked switch.
enum HFMapper: Hashable, Sendable {
    case llama, mistral, mixtral, qwen2, qwen2MoE, qwen3, qwen3MoE, gemma, gemma2, gemma3Text, phi3, falcon
    case gpt2, gptJ, gptNeoX, opt, starcoder2, olmo, olmo2, deepseekV2, deepseekV3, deepseekV32
    case gptOSS, llama4Text, glm4, glm4MoE, cohere, cohere2, phi, granite, graniteMoE, smolLM3, seedOSS, olmo3
    case exaone4, ernie45, ernie45MoE, hunyuanDense, hunyuanMoE, minimaxM2, phiMoE, apertus, arcee
    case olmoe, dots1, glm4MoELite
    case qwen3Next, qwen35, qwen35MoE, minimax, jamba, nemotronH, falconH1, bamba, graniteMoEHybrid, mamba2
    case lfm2
    /// A model transformers builds but archcalc cannot express; the reason is the located error.
    case refused(String)
    /// A multimodal wrapper: the text model from `text_config` (or the top level), the vision tower apart.
    case multimodal(HFMultimodal)
}

/// A multimodal wrapper's text family and vision tower.
struct HFMultimodal: Hashable, Sendable {
    /// The `model_type` whose mapping reads the text model.
    var textType: String
    var vision: HFVisionTower
    /// Whether the text keys sit at the top level when `text_config` is absent (Qwen2.5-VL's published config).
    var textAtTopLevel = false
}

/// The vision towers archcalc counts exactly.
enum HFVisionTower: String, Hashable, Sendable {
    case siglip, pixtral, llama4, qwen25VL, qwen3VL, qwen35
}
