/// AC403: group-limited routing whose groups do not divide.
struct ExpertGroupsInvalidRule: LintRule {
    static let description = RuleDescription(
        code: "AC403", name: "expert-groups-invalid", severity: .error, category: .moe,
        summary: "moe.experts is not divisible by moe.n_group, or topk_group / top_k exceed what the groups allow",
        rationale: """
            Group-limited routing (DeepSeek-V3: 256 experts in 8 groups, 4 groups per token, top_k 8) needs \
            equal groups, at most n_group selected groups, and top_k no larger than the experts in the \
            selected groups. Fix the counts.
            """,
        source: "Megatron \"num_moe_experts (...) should be divisible by moe_router_num_groups\"; transformers DeepseekV3Config n_group / topk_group",
        requiresKeys: ["moe.experts", "moe.top_k", "moe.n_group", "moe.topk_group"],
        triggering: [
            Examples.spec(extra: "moe: {experts: 60, top_k: 6, n_group: ↓8, topk_group: 4, expert_intermediate_size: 1408}"),
            Examples.spec(extra: "moe: {experts: 64, top_k: 6, n_group: 8, topk_group: ↓9, expert_intermediate_size: 1408}"),
        ],
        nonTriggering: [
            Examples.spec(extra: "moe: {experts: 256, top_k: 8, n_group: 8, topk_group: 4, expert_intermediate_size: 2048}"),
        ])

    func claims(_ loaderDiagnostic: Diagnostic) -> Bool {
        loaderDiagnostic.code == .check(.expertGroups)
    }

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let experts = context.int("moe.experts"), let groups = context.int("moe.n_group"),
              let problem = SpecChecks.expertGroups(experts: experts, groups: groups, chosen: context.int("moe.topk_group"),
                                                    topK: context.int("moe.top_k")) else { return [] }
        let related = problem.keyPath == "moe.n_group" ? [("experts", "moe.experts")] : []
        return [context.finding(Self.description, problem, related: related)]
    }
}
