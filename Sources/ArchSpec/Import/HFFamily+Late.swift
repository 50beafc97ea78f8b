/// Families transformers 5.23 added that archcalc maps onto existing mixers, and the ones it refuses (see `HFFamily`).
extension HFFamily {
    static let late: [HFFamily] = [
        HFFamily(modelType: "olmoe", configClass: "OlmoeConfig", mapper: .olmoe, vocab: 50304, hidden: 2048,
                 layers: 16, heads: 16, kvHeads: nil, intermediate: 2048, maxPositions: 4096, tie: false,
                 headDim: nil, activation: "silu"),
        HFFamily(modelType: "dots1", configClass: "Dots1Config", mapper: .dots1, vocab: 152064, hidden: 4608,
                 layers: 62, heads: 32, kvHeads: 32, intermediate: 10944, maxPositions: 2048, tie: false,
                 headDim: nil, activation: "silu"),
        HFFamily(modelType: "glm4_moe_lite", configClass: "Glm4MoeLiteConfig", mapper: .glm4MoELite, keys: .mha,
                 vocab: 154880, hidden: 2048, layers: 47, heads: 20, kvHeads: nil, intermediate: 10240,
                 maxPositions: 202752, tie: false, headDim: nil, activation: "silu"),
        HFFamily(modelType: "kimi_linear", configClass: "KimiLinearConfig",
                 mapper: .refused("Kimi Delta Attention (q_proj, k_proj, v_proj hidden x heads·head_dim, three depthwise short convolutions, a low-rank channel-wise decay gate f_a_proj/f_b_proj and output gate g_a_proj/g_b_proj, b_proj hidden x heads, A_log, dt_bias of heads·head_dim; cache: three conv states [heads·head_dim, conv kernel] and a state [heads, head_dim, head_dim] per layer) has no archspec mixer kind"),
                 vocab: 163840, hidden: 2304, layers: 27, heads: 32, kvHeads: 32, intermediate: 9216,
                 maxPositions: 1048576, tie: false, headDim: nil, activation: "silu"),
        HFFamily(modelType: "gemma3n", configClass: "Gemma3nConfig",
                 mapper: .refused("Gemma 3n's AltUp streams (altup_num_inputs copies of the hidden state with predict/correct coefficients and projections), LAuReL low-rank residual blocks and per-layer input embeddings (vocab_size_per_layer_input x layers x hidden_size_per_layer_input) have no archspec block kind"),
                 vocab: 262400, hidden: 2048, layers: 35, heads: 8, kvHeads: 2, intermediate: 16384,
                 maxPositions: 32768, tie: true, headDim: 256, activation: "gelu_pytorch_tanh"),
    ]
}
