/// AC605: a state dtype on a model that keeps no recurrent state.
struct StateDTypeWithoutStateRule: LintRule {
    static let description = RuleDescription(
        code: "AC605", name: "state-dtype-without-state", severity: .warning, category: .numerics,
        summary: "state_dtype is given but no layer keeps a recurrent state (no mamba, mamba2 or linear_attention layer)",
        rationale: """
            state_dtype sets the storage of the recurrent and convolution state of state-space and \
            linear-attention layers. In a model whose layers all run attention (or nothing) it sizes nothing, \
            so the key is a leftover or the layer layout is missing its recurrent layers. Remove it, or give \
            the layers (layer_pattern, layer_types).
            """,
        source: "archcalc's layer plan (state per sequence of linear_attention, mamba and mamba2 layers)",
        requiresKeys: ["state_dtype"],
        triggering: [Examples.spec(extra: "state_dtype: ↓fp32")],
        nonTriggering: [
            RuleExample(Examples.base),
            Examples.spec(extra: "layer_pattern: [mamba2, attention]\nssm: {inner_size: 8192, state_size: 128, heads: 128, head_dim: 64}\nstate_dtype: fp32"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        guard context.plan != nil, context.written("state_dtype"), !context.keepsRecurrentState else { return [] }
        return [context.finding(Self.description, "state_dtype has no effect: no layer keeps a recurrent state", at: "state_dtype")]
    }
}
