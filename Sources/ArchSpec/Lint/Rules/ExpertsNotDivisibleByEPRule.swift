/// AC307: experts do not split evenly across expert-parallel ranks.
struct ExpertsNotDivisibleByEPRule: LintRule {
    static let description = RuleDescription(
        code: "AC307", name: "experts-not-divisible-by-ep", severity: .error, category: .parallelism,
        summary: "moe.experts is not divisible by the expert-parallel degree",
        rationale: """
            Each expert-parallel rank holds experts / ep local experts; Megatron and the MoE layer assert it. \
            Pick a degree that divides the expert count.
            """,
        source: "Megatron \"Number of experts should be a multiple of expert model parallel_size\"; moe_layer.py assert",
        requiresKeys: ["moe.experts", "moe.top_k"],
        triggering: [Examples.spec(extra: "moe: {experts: ↓60, top_k: 4, expert_intermediate_size: 1408}\nparallelism: {expert: 8}")],
        nonTriggering: [Examples.spec(extra: "moe: {experts: 64, top_k: 4, expert_intermediate_size: 1408}\nparallelism: {expert: 8}")])

    func check(_ context: LintContext) -> [Diagnostic] {
        context.divisibility(Self.description, path: "moe.experts", by: .expert)
    }
}
