/// AC604: recurrent state kept in a narrower dtype than the KV cache and the weights.
struct StateDTypeNarrowerThanCacheRule: LintRule {
    static let description = RuleDescription(
        code: "AC604", name: "state-dtype-narrower-than-cache", severity: .warning, category: .numerics,
        summary: "state_dtype is narrower than dtype (the weights' and, by default, the KV cache's dtype)",
        rationale: """
            A KV cache stores each token's keys and values once; a recurrent state (Mamba, gated DeltaNet, \
            lightning attention) is read, decayed, updated and written back at every token, so its rounding \
            error accumulates over the whole sequence instead of staying per token. Engines keep it at least \
            as wide as the model's dtype and recommend fp32 for several hybrid models; fp8 state with a bf16 \
            KV cache degrades long generations. Checked when some layer keeps a state. Keep state_dtype at the \
            weights' width or wider (fp32 for Mamba-2's SSM state).
            """,
        source: "vLLM `mamba_ssm_cache_dtype` / `MambaStateDtypeCalculator` and its fp32-state model tests (tests/models/language/generation/test_hybrid.py `test_fp32_cache_state`)",
        requiresKeys: ["state_dtype"],
        triggering: [
            Examples.spec(extra: "layer_pattern: [mamba2, attention]\nssm: {inner_size: 8192, state_size: 128, heads: 128, head_dim: 64}\nstate_dtype: ↓fp8"),
        ],
        nonTriggering: [
            Examples.spec(extra: "layer_pattern: [mamba2, attention]\nssm: {inner_size: 8192, state_size: 128, heads: 128, head_dim: 64}\nstate_dtype: fp32"),
            Examples.spec(extra: "dtype: fp8\nlayer_pattern: [mamba2, attention]\nssm: {inner_size: 8192, state_size: 128, heads: 128, head_dim: 64}\nstate_dtype: fp8"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let spec = context.spec, let state = spec.stateDType, context.keepsRecurrentState,
              state.bits < spec.dtype.bits else { return [] }
        let origin = context.written("dtype") ? "dtype" : "the default dtype"
        return [context.finding(Self.description,
            "state_dtype \(state.rawValue) is narrower than \(spec.dtype.rawValue), the weights' and KV cache's dtype (\(origin)); recurrent state accumulates rounding error over the whole sequence",
            at: "state_dtype", related: context.written("dtype") ? [("dtype", "dtype")] : [])]
    }
}
