/// AC202: hidden_size not a multiple of the alignment multiple.
struct HiddenNotAlignedRule: LintRule {
    static let description = RuleDescription(
        code: "AC202", name: "hidden-not-aligned", severity: .warning, category: .efficiency,
        summary: "hidden_size is not a multiple of 64 (configurable)",
        rationale: """
            hidden_size is a dimension of every projection GEMM. Tensor cores need fp16/bf16 dimensions in \
            multiples of 8 elements and run best at larger multiples (NVIDIA's GEMM guide recommends multiples \
            of 64 on A100-class GPUs for the largest tiles). Choose a multiple of 64, or set \
            `alignment: {hidden: N}`.
            """,
        source: "NVIDIA Deep Learning Performance, Matrix Multiplication Background User's Guide, Tensor Core Requirements",
        triggering: [Examples.spec(hidden: "↓4000", attention: "{heads: 32, kv_heads: 8, head_dim: 128}")],
        nonTriggering: [RuleExample(Examples.base)])

    func check(_ context: LintContext) -> [Diagnostic] {
        let multiple = context.settings.alignment.hidden
        guard multiple > 1, let hidden = context.int("hidden_size"), hidden % multiple != 0 else { return [] }
        return [context.finding(Self.description, LintMessage.notMultiple("hidden_size", hidden, of: multiple), at: "hidden_size")]
    }
}
