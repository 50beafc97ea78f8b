/// AC203: intermediate sizes not multiples of the alignment multiple.
struct FFNNotAlignedRule: LintRule {
    static let description = RuleDescription(
        code: "AC203", name: "ffn-not-aligned", severity: .warning, category: .efficiency,
        summary: "mlp.intermediate_size (or moe.expert_intermediate_size) is not a multiple of 64 (configurable)",
        rationale: """
            The feed-forward GEMMs are the largest in a dense transformer. LLaMA rounds its SwiGLU width up to a \
            multiple of 256 (`multiple_of`) for this reason. Round the intermediate size up, or set \
            `alignment: {intermediate: N}`.
            """,
        source: "meta-llama/llama model.py `multiple_of: int = 256  # make SwiGLU hidden layer size multiple of large power of 2`; NVIDIA GEMM guide",
        triggering: [
            Examples.spec(mlp: "{intermediate_size: ↓11000}"),
            Examples.spec(layers: "2", mlp: "{intermediate_size: ↓[11008, 11000]}"),
        ],
        nonTriggering: [
            RuleExample(Examples.base),
            // No layer has a feed-forward block (mlp.layer_pattern [none]): the width sizes nothing.
            Examples.spec(mlp: "{intermediate_size: 1000, layer_pattern: [none]}", extra: "layer_pattern: [mamba2]\nssm: {inner_size: 8192, state_size: 128, heads: 128, head_dim: 64}"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        let multiple = context.settings.alignment.intermediate
        guard multiple > 1 else { return [] }
        return ["mlp.intermediate_size", "moe.expert_intermediate_size"].compactMap { path in
            guard let size = context.feedForwardWidths(path).first(where: { $0 % multiple != 0 }) else { return nil }
            return context.finding(Self.description, LintMessage.notMultiple(path, size, of: multiple), at: path)
        }
    }
}
