/// Multimodal wrappers and the text models they hold (see `HFFamily`). A wrapper's own sizes are unused; its
/// `tie` is the wrapper class's `tie_word_embeddings` default, which decides the text model's lm_head.
extension HFFamily {
    static let multimodal: [HFFamily] = [
        HFFamily(modelType: "gemma3", configClass: "Gemma3Config",
                 mapper: .multimodal(HFMultimodal(textType: "gemma3_text", vision: .siglip)), vocab: 262208,
                 hidden: 2304, layers: 26, heads: 8, kvHeads: 4, intermediate: 9216, maxPositions: 131072, tie: true,
                 headDim: 256, activation: "gelu_pytorch_tanh"),
        HFFamily(modelType: "mistral3", configClass: "Mistral3Config",
                 mapper: .multimodal(HFMultimodal(textType: "mistral", vision: .pixtral)), vocab: 32000, hidden: 4096,
                 layers: 32, heads: 32, kvHeads: 8, intermediate: 14336, maxPositions: 131072, tie: true, headDim: nil,
                 activation: "silu"),
        HFFamily(modelType: "llama4", configClass: "Llama4Config",
                 mapper: .multimodal(HFMultimodal(textType: "llama4_text", vision: .llama4)), vocab: 202048,
                 hidden: 5120, layers: 48, heads: 40, kvHeads: 8, intermediate: 8192, maxPositions: 131072,
                 tie: false, headDim: 128, activation: "silu"),
        HFFamily(modelType: "qwen2_5_vl", configClass: "Qwen2_5_VLConfig",
                 mapper: .multimodal(HFMultimodal(textType: "qwen2_5_vl_text", vision: .qwen25VL, textAtTopLevel: true)),
                 vocab: 152064, hidden: 8192, layers: 80, heads: 64, kvHeads: 8, intermediate: 29568,
                 maxPositions: 32768, tie: false, headDim: nil, activation: "silu"),
        HFFamily(modelType: "qwen2_5_vl_text", configClass: "Qwen2_5_VLTextConfig", mapper: .qwen2, vocab: 152064,
                 hidden: 8192, layers: 80, heads: 64, kvHeads: 8, intermediate: 29568, maxPositions: 32768, tie: false,
                 headDim: nil, activation: "silu"),
        HFFamily(modelType: "qwen3_vl", configClass: "Qwen3VLConfig",
                 mapper: .multimodal(HFMultimodal(textType: "qwen3_vl_text", vision: .qwen3VL)), vocab: 151936,
                 hidden: 4096, layers: 32, heads: 32, kvHeads: 32, intermediate: 22016, maxPositions: 128000,
                 tie: false, headDim: 128, activation: "silu"),
        HFFamily(modelType: "qwen3_vl_text", configClass: "Qwen3VLTextConfig", mapper: .qwen3, vocab: 151936,
                 hidden: 4096, layers: 32, heads: 32, kvHeads: 32, intermediate: 22016, maxPositions: 128000, tie: false,
                 headDim: 128, activation: "silu"),
    ]
}
