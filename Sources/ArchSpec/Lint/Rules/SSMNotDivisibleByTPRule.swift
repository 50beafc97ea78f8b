/// AC308: a state-space mixer that does not split evenly across tensor-parallel ranks.
struct SSMNotDivisibleByTPRule: LintRule {
    static let description = RuleDescription(
        code: "AC308", name: "ssm-not-divisible-by-tp", severity: .error, category: .parallelism,
        summary: "ssm.heads (Mamba-2), ssm.groups (unless 1) or ssm.inner_size (Mamba) is not divisible by the tensor-parallel degree",
        rationale: """
            Tensor parallelism splits a Mamba-2 mixer by heads: each rank holds heads / tp heads and their \
            state, and the B/C groups must split too unless there is a single group, which is replicated. A \
            Mamba (v1) mixer is split along its inner channels. Engines refuse any other split. Checked when \
            some layer runs the mixer and a tensor-parallel degree is declared. Pick a degree that divides \
            them.
            """,
        source: "vLLM MambaMixer2 \"Tensor parallel world size must divide num heads.\" and \"If tensor parallel world size does not divide num_groups, then num_groups must equal 1.\"; vLLM MambaMixer column-parallel in_proj",
        requiresKeys: ["ssm.heads"],
        triggering: [
            Examples.spec(extra: """
                layer_pattern: [mamba2, attention]
                ssm: {inner_size: 7680, state_size: 128, heads: ↓120, head_dim: 64, groups: ↓3}
                parallelism: {tensor: 16}
                """),
            Examples.spec(extra: "layer_pattern: [mamba, attention]\nssm: {inner_size: ↓8200, state_size: 16}\nparallelism: {tensor: 16}"),
        ],
        nonTriggering: [
            Examples.spec(extra: """
                layer_pattern: [mamba2, attention]
                ssm: {inner_size: 8192, state_size: 128, heads: 128, head_dim: 64, groups: 1}
                parallelism: {tensor: 8}
                """),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let ssm = context.spec?.ssm else { return [] }
        let kinds = context.mixerKinds
        var findings: [Diagnostic] = []
        if !kinds.isDisjoint(with: [.mamba2, .attentionMamba2]) {
            findings += context.divisibility(Self.description, path: "ssm.heads", by: .tensor)
            if ssm.groups > 1 { findings += context.divisibility(Self.description, path: "ssm.groups", by: .tensor,
                                                                 why: "; only a single group can be replicated across ranks") }
        }
        if kinds.contains(.mamba) {
            findings += context.divisibility(Self.description, path: "ssm.inner_size", by: .tensor)
        }
        return findings
    }
}
