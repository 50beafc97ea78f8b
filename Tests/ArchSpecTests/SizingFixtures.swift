import ArchSpec

/// Specs built in code with the published Hugging Face config values.
enum SizingFixtures {
    /// meta-llama/Llama-2-7b-hf: 6,738,415,616 parameters.
    static let llama2_7b = ArchitectureSpec(
        name: "llama-2-7b", vocabSize: 32000, hiddenSize: 4096, layers: 32, contextLength: 4096, dtype: .bf16,
        tieEmbeddings: false, attention: AttentionSpec(heads: 32, kvHeads: 32, headDim: 128),
        mlp: MLPSpec(kind: .gated, intermediateSize: 11008, activation: "silu"),
        norm: NormSpec(kind: .rmsnorm, bias: false), position: PositionSpec(kind: .rope))

    /// meta-llama/Meta-Llama-3-70B: 70,553,706,496 parameters.
    static let llama3_70b = ArchitectureSpec(
        name: "llama-3-70b", vocabSize: 128256, hiddenSize: 8192, layers: 80, contextLength: 8192, dtype: .bf16,
        tieEmbeddings: false, attention: AttentionSpec(heads: 64, kvHeads: 8, headDim: 128),
        mlp: MLPSpec(kind: .gated, intermediateSize: 28672, activation: "silu"),
        norm: NormSpec(kind: .rmsnorm, bias: false), position: PositionSpec(kind: .rope))

    /// meta-llama/Llama-3.1-8B: 8,030,261,248 parameters, 128k context.
    static let llama31_8b = ArchitectureSpec(
        name: "llama-3.1-8b", vocabSize: 128256, hiddenSize: 4096, layers: 32, contextLength: 131072, dtype: .bf16,
        tieEmbeddings: false, attention: AttentionSpec(heads: 32, kvHeads: 8, headDim: 128),
        mlp: MLPSpec(kind: .gated, intermediateSize: 14336, activation: "silu"),
        norm: NormSpec(kind: .rmsnorm, bias: false), position: PositionSpec(kind: .rope))

    static func hardware(_ id: String) -> HardwareProfile {
        guard let profile = HardwareCatalog.profile(id: id) else { fatalError("missing built-in profile \(id)") }
        return profile
    }
}
