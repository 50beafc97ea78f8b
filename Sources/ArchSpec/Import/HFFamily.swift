/// A supported `model_type` and the transformers config defaults archcalc applies when a key is absent.
///
/// Defaults are the keyword defaults of the transformers configuration class named in `configClass`
/// (for example `LlamaConfig(vocab_size=32000, ...)`); `docs/spec-format.md` lists them.
struct HFFamily: Hashable, Sendable {
    var modelType: String
    var configClass: String
    var vocab: Int
    var hidden: Int
    var layers: Int
    var heads: Int
    /// `nil`: equal to heads.
    var kvHeads: Int?
    /// `nil`: 4 x hidden (the GPT-style default) where `intermediate` is 0, else required.
    var intermediate: Int
    var maxPositions: Int
    var tie: Bool
    /// `nil`: hidden / heads.
    var headDim: Int?
    var activation: String

    static func named(_ type: String) -> HFFamily? { all.first { $0.modelType == type } }

    static let all: [HFFamily] = [
        HFFamily(modelType: "llama", configClass: "LlamaConfig", vocab: 32000, hidden: 4096, layers: 32, heads: 32,
                 kvHeads: nil, intermediate: 11008, maxPositions: 2048, tie: false, headDim: nil, activation: "silu"),
        HFFamily(modelType: "mistral", configClass: "MistralConfig", vocab: 32000, hidden: 4096, layers: 32, heads: 32,
                 kvHeads: 8, intermediate: 14336, maxPositions: 131072, tie: false, headDim: nil, activation: "silu"),
        HFFamily(modelType: "mixtral", configClass: "MixtralConfig", vocab: 32000, hidden: 4096, layers: 32, heads: 32,
                 kvHeads: 8, intermediate: 14336, maxPositions: 131072, tie: false, headDim: nil, activation: "silu"),
        HFFamily(modelType: "qwen2", configClass: "Qwen2Config", vocab: 151936, hidden: 4096, layers: 32, heads: 32,
                 kvHeads: 32, intermediate: 22016, maxPositions: 32768, tie: false, headDim: nil, activation: "silu"),
        HFFamily(modelType: "qwen2_moe", configClass: "Qwen2MoeConfig", vocab: 151936, hidden: 2048, layers: 24,
                 heads: 16, kvHeads: 16, intermediate: 5632, maxPositions: 32768, tie: false, headDim: nil,
                 activation: "silu"),
        HFFamily(modelType: "qwen3", configClass: "Qwen3Config", vocab: 151936, hidden: 4096, layers: 32, heads: 32,
                 kvHeads: 32, intermediate: 22016, maxPositions: 32768, tie: false, headDim: 128, activation: "silu"),
        HFFamily(modelType: "qwen3_moe", configClass: "Qwen3MoeConfig", vocab: 151936, hidden: 2048, layers: 24,
                 heads: 32, kvHeads: 4, intermediate: 6144, maxPositions: 32768, tie: false, headDim: nil,
                 activation: "silu"),
        HFFamily(modelType: "gemma", configClass: "GemmaConfig", vocab: 256000, hidden: 3072, layers: 28, heads: 16,
                 kvHeads: 16, intermediate: 24576, maxPositions: 8192, tie: true, headDim: 256,
                 activation: "gelu_pytorch_tanh"),
        HFFamily(modelType: "gemma2", configClass: "Gemma2Config", vocab: 256000, hidden: 2304, layers: 26, heads: 8,
                 kvHeads: 4, intermediate: 9216, maxPositions: 8192, tie: true, headDim: 256,
                 activation: "gelu_pytorch_tanh"),
        HFFamily(modelType: "gemma3_text", configClass: "Gemma3TextConfig", vocab: 262208, hidden: 2304, layers: 26,
                 heads: 8, kvHeads: 4, intermediate: 9216, maxPositions: 131072, tie: true, headDim: 256,
                 activation: "gelu_pytorch_tanh"),
        HFFamily(modelType: "phi3", configClass: "Phi3Config", vocab: 32064, hidden: 3072, layers: 32, heads: 32,
                 kvHeads: nil, intermediate: 8192, maxPositions: 4096, tie: false, headDim: nil, activation: "silu"),
        HFFamily(modelType: "falcon", configClass: "FalconConfig", vocab: 65024, hidden: 4544, layers: 32, heads: 71,
                 kvHeads: nil, intermediate: 0, maxPositions: 2048, tie: true, headDim: nil, activation: "gelu"),
        HFFamily(modelType: "gpt2", configClass: "GPT2Config", vocab: 50257, hidden: 768, layers: 12, heads: 12,
                 kvHeads: nil, intermediate: 0, maxPositions: 1024, tie: true, headDim: nil, activation: "gelu_new"),
        HFFamily(modelType: "gpt_neox", configClass: "GPTNeoXConfig", vocab: 50432, hidden: 6144, layers: 44, heads: 64,
                 kvHeads: nil, intermediate: 24576, maxPositions: 2048, tie: false, headDim: nil, activation: "gelu"),
        HFFamily(modelType: "gptj", configClass: "GPTJConfig", vocab: 50400, hidden: 4096, layers: 28, heads: 16,
                 kvHeads: nil, intermediate: 0, maxPositions: 2048, tie: false, headDim: nil, activation: "gelu_new"),
        HFFamily(modelType: "opt", configClass: "OPTConfig", vocab: 50272, hidden: 768, layers: 12, heads: 12,
                 kvHeads: nil, intermediate: 3072, maxPositions: 2048, tie: true, headDim: nil, activation: "relu"),
        HFFamily(modelType: "starcoder2", configClass: "Starcoder2Config", vocab: 49152, hidden: 3072, layers: 30,
                 heads: 24, kvHeads: 2, intermediate: 12288, maxPositions: 4096, tie: true, headDim: nil,
                 activation: "gelu_pytorch_tanh"),
        HFFamily(modelType: "olmo", configClass: "OlmoConfig", vocab: 50304, hidden: 4096, layers: 32, heads: 32,
                 kvHeads: nil, intermediate: 11008, maxPositions: 2048, tie: false, headDim: nil, activation: "silu"),
        HFFamily(modelType: "olmo2", configClass: "Olmo2Config", vocab: 50304, hidden: 4096, layers: 32, heads: 32,
                 kvHeads: nil, intermediate: 11008, maxPositions: 2048, tie: false, headDim: nil, activation: "silu"),
        HFFamily(modelType: "deepseek_v2", configClass: "DeepseekV2Config", vocab: 32000, hidden: 4096, layers: 30,
                 heads: 32, kvHeads: nil, intermediate: 11008, maxPositions: 2048, tie: false, headDim: nil,
                 activation: "silu"),
        HFFamily(modelType: "deepseek_v3", configClass: "DeepseekV3Config", vocab: 129280, hidden: 7168, layers: 61,
                 heads: 128, kvHeads: nil, intermediate: 18432, maxPositions: 4096, tie: false, headDim: nil,
                 activation: "silu"),
    ]
}
