/// AC105: a head dimension that is not a multiple of 8.
struct HeadDimNotMultipleOf8Rule: LintRule {
    static let description = RuleDescription(
        code: "AC105", name: "head-dim-not-multiple-of-8", severity: .warning, category: .attention,
        summary: "the head dimension is not a multiple of 8",
        rationale: """
            FlashAttention-2's kernels require a head dimension that is a multiple of 8 (its Python wrapper pads \
            q, k and v up to the next multiple), and tensor-core matrix shapes want multiples of 8 elements in \
            fp16/bf16. The padding wastes compute and memory on every attention call. Choose a head dimension \
            that is a multiple of 8 (64, 80, 96, 128, ...).
            """,
        source: "flash-attention csrc/flash_attn/flash_api.cpp `TORCH_CHECK(head_size % 8 == 0)`; flash_attn_interface.py pads `8 - head_size % 8`",
        triggering: [Examples.spec(hidden: "4000", attention: "{heads: ↓40}", mlp: "{intermediate_size: 11008}")],
        nonTriggering: [RuleExample(Examples.base), Examples.spec(hidden: "2560", attention: "{heads: 32}")])

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let (dim, path, label) = HeadDimension.attentionDim(context), dim % 8 != 0 else { return [] }
        let padded = LintMessage.paddedUp(dim, to: 8).map { "; kernels pad it to \($0)" } ?? ""
        return [context.finding(Self.description, "\(label) \(dim) is not a multiple of 8\(padded)", at: path)]
    }
}
