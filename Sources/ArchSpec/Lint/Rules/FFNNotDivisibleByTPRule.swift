/// AC305: the feed-forward width does not split evenly across tensor-parallel ranks.
struct FFNNotDivisibleByTPRule: LintRule {
    static let description = RuleDescription(
        code: "AC305", name: "ffn-not-divisible-by-tp", severity: .error, category: .parallelism,
        summary: "mlp.intermediate_size (or moe.expert_intermediate_size) is not divisible by the tensor-parallel degree",
        rationale: """
            Column-parallel MLP weights split the intermediate dimension evenly across TP ranks (and each \
            expert's under expert tensor parallelism). Choose a degree that divides it, or round the width.
            """,
        source: "Megatron column/row-parallel linear \"output_size (...) must be divisible by tp_size\"",
        triggering: [Examples.spec(mlp: "{intermediate_size: ↓11008}", extra: "parallelism: {tensor: 3}")],
        nonTriggering: [
            Examples.spec(extra: "parallelism: {tensor: 8}"),
            Examples.spec(mlp: "{intermediate_size: 1000, layer_pattern: [none]}", extra: "layer_pattern: [mamba2]\nssm: {inner_size: 8192, state_size: 128, heads: 128, head_dim: 64}\nparallelism: {tensor: 16}"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        ["mlp.intermediate_size", "moe.expert_intermediate_size"].flatMap { path in
            context.divisibility(Self.description, path: path, values: context.feedForwardWidths(path), by: .tensor)
        }
    }
}
