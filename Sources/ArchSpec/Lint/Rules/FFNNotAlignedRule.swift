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
        triggering: [Examples.spec(mlp: "{intermediate_size: ↓11000}")],
        nonTriggering: [RuleExample(Examples.base)])

    func check(_ context: LintContext) -> [Diagnostic] {
        let multiple = context.settings.alignment.intermediate
        guard multiple > 1 else { return [] }
        return ["mlp.intermediate_size", "moe.expert_intermediate_size"].compactMap { path in
            guard let size = context.int(path), size % multiple != 0 else { return nil }
            return context.finding(Self.description, LintMessage.notMultiple(path, size, of: multiple), at: path)
        }
    }
}
