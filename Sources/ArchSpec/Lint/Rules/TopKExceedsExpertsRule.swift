/// AC401: the router picks more experts than exist.
struct TopKExceedsExpertsRule: LintRule {
    static let description = RuleDescription(
        code: "AC401", name: "topk-exceeds-experts", severity: .error, category: .moe,
        summary: "moe.top_k is larger than moe.experts",
        rationale: """
            The router selects top_k experts per token from experts; it cannot pick more than exist, and \
            active-parameter arithmetic (top_k x expert size) would exceed the total. Usually a swapped pair \
            of values. Set top_k to at most experts.
            """,
        source: "Hugging Face MoE configs: num_experts_per_tok \"Number of experts selected per token\"; Megatron `moe_router_topk` checks",
        requiresKeys: ["moe.experts", "moe.top_k"],
        triggering: [Examples.spec(extra: "moe: {experts: 8, top_k: ↓16, expert_intermediate_size: 1408}")],
        nonTriggering: [Examples.spec(extra: "moe: {experts: 64, top_k: 6, expert_intermediate_size: 1408}")])

    func claims(_ loaderDiagnostic: Diagnostic) -> Bool {
        loaderDiagnostic.code == .check(.topKWithinExperts)
    }

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let experts = context.int("moe.experts"), let topK = context.int("moe.top_k"),
              let problem = SpecChecks.topKWithinExperts(topK: topK, experts: experts) else { return [] }
        return [context.finding(Self.description, problem, related: [("experts", "moe.experts")])]
    }
}
