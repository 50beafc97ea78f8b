/// AC106: a head dimension that attention kernels round up to a supported bucket.
struct HeadDimPaddedByKernelsRule: LintRule {
    static let description = RuleDescription(
        code: "AC106", name: "head-dim-padded-by-kernels", severity: .info, category: .attention,
        summary: "the head dimension is not one FlashAttention compiles (32, 64, 96, 128, 192, 256)",
        rationale: """
            FlashAttention-2 instantiates kernels for head dimensions 32, 64, 96, 128, 192 and 256 and rounds \
            others up to the next one (80 runs as 96, about 17% of attention FLOPs wasted); FlashAttention-3 \
            uses 64, 96, 128, 192 and 256. Phi-2 (80) and others accept this; the finding makes the cost visible.
            """,
        source: "flash-attention csrc/flash_attn/src/static_switch.h `HEADDIM_SWITCH`; hopper/flash_api.cpp head-dim buckets",
        triggering: [Examples.spec(hidden: "2560", attention: "{heads: ↓32}")],
        nonTriggering: [RuleExample(Examples.base), Examples.spec(hidden: "3072", attention: "{heads: 16, head_dim: 256}")])

    static let buckets = [32, 64, 96, 128, 192, 256]

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let (dim, path, label) = HeadDimension.attentionDim(context), dim <= 256, !Self.buckets.contains(dim),
              let bucket = Self.buckets.first(where: { $0 > dim })
        else { return [] }
        let waste = ((bucket - dim) * 100 + bucket / 2) / bucket
        return [context.finding(Self.description,
            "\(label) \(dim) runs as \(bucket) in FlashAttention kernels (about \(waste)% of attention compute padded)",
            at: path)]
    }
}
