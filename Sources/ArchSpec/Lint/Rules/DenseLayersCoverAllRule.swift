/// AC404: the leading dense layers cover the whole model.
struct DenseLayersCoverAllRule: LintRule {
    static let description = RuleDescription(
        code: "AC404", name: "dense-layers-cover-all", severity: .warning, category: .moe,
        summary: "moe.dense_layers equals layers, so no layer uses the experts",
        rationale: """
            moe.dense_layers counts the leading layers that use the dense MLP instead of experts (DeepSeek-V3: \
            first_k_dense_replace 3 of 61). When it equals layers the moe section has no effect (a larger \
            value is refused as out of range, AC007). Usually a typo; lower it or remove the moe section.
            """,
        source: "DeepSeek-V3 config.json `first_k_dense_replace`",
        requiresKeys: ["moe.experts", "moe.top_k", "moe.dense_layers"],
        triggering: [Examples.spec(extra: "moe: {experts: 64, top_k: 6, dense_layers: ↓32, expert_intermediate_size: 1408}")],
        nonTriggering: [Examples.spec(extra: "moe: {experts: 64, top_k: 6, dense_layers: 1, expert_intermediate_size: 1408}")])

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let dense = context.int("moe.dense_layers"), let layers = context.int("layers"), dense == layers else { return [] }
        return [context.finding(Self.description,
            "moe.dense_layers \(dense) covers all \(layers) layers, so no layer uses the experts", at: "moe.dense_layers",
            related: [("layers", "layers")])]
    }
}
