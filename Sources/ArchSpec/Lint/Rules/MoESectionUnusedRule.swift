/// AC405: a moe section that no layer uses.
struct MoESectionUnusedRule: LintRule {
    static let description = RuleDescription(
        code: "AC405", name: "moe-section-unused", severity: .warning, category: .moe,
        summary: "a moe section is given but no layer runs the experts (mlp.layer_pattern, layer_types or moe's placement)",
        rationale: """
            The experts replace the dense MLP only in the layers the plan places them in: mlp.layer_pattern or \
            mlp.layer_types entries `moe`, or moe's own dense_layers, layer_interval and dense_layer_indices. \
            When no layer ends up with experts, the moe section adds nothing to the parameters, memory or \
            FLOPs, which is almost always a layout slip (a pattern without `moe`, an interval longer than the \
            model). Place the experts, or remove the section. (dense_layers equal to layers is AC404.)
            """,
        source: "archcalc's layer plan; transformers Qwen2-MoE `decoder_sparse_step` / `mlp_only_layers`, Jamba `expert_layer_period`",
        requiresKeys: ["mlp.layer_pattern", "moe.experts"],
        triggering: [
            Examples.spec(mlp: "{intermediate_size: 11008, layer_pattern: ↓[dense, none]}",
                          extra: "moe: {experts: 8, top_k: 2, expert_intermediate_size: 1408}"),
            Examples.spec(layers: "4", extra: "moe: {experts: 8, top_k: 2, layer_interval: ↓8}"),
        ],
        nonTriggering: [
            Examples.spec(mlp: "{intermediate_size: 11008, layer_pattern: [dense, moe]}",
                          extra: "moe: {experts: 8, top_k: 2, expert_intermediate_size: 1408}"),
            Examples.spec(extra: "moe: {experts: 64, top_k: 6, dense_layers: 32}"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let spec = context.spec, spec.moe != nil, let plan = context.plan, spec.layers > 0,
              !plan.kinds.contains(where: { if case .moe = $0.channel { true } else { false } }) else { return [] }
        if spec.moe?.denseLayers == spec.layers { return [] }  // AC404
        let placement = ["mlp.layer_types", "mlp.layer_pattern", "moe.layer_interval", "moe.dense_layer_indices"]
            .first(where: context.written) ?? "moe"
        return [context.finding(Self.description,
            "the moe section is never used: no layer runs the experts (placed by \(placement))", at: placement,
            related: placement == "moe" ? [] : [("related key moe", "moe")])]
    }
}
