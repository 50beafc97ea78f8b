/// AC402: a half-specified mixture-of-experts block.
struct MoEFieldsIncompleteRule: LintRule {
    static let description = RuleDescription(
        code: "AC402", name: "moe-fields-incomplete", severity: .error, category: .moe,
        summary: "a moe section lacks experts or top_k, or gives only one of n_group and topk_group",
        rationale: """
            A half-specified MoE block is easily read as dense, under-counting parameters by an order of \
            magnitude, or as sparse with an invented top_k. experts and top_k are both needed; grouped routing \
            needs both n_group and topk_group. Give the full set.
            """,
        source: "Megatron \"moe_ffn_hidden_size is set but num_moe_experts is None\"-style checks; DeepSeek-V3 config (n_group, topk_group)",
        requiresKeys: ["moe.experts", "moe.top_k", "moe.n_group", "moe.topk_group"],
        triggering: [
            Examples.spec(extra: "moe: ↓{experts: 64, expert_intermediate_size: 1408}"),
            Examples.spec(extra: "moe: {experts: 64, top_k: 6, n_group: ↓8, expert_intermediate_size: 1408}"),
        ],
        nonTriggering: [
            Examples.spec(extra: "moe: {experts: 64, top_k: 6, expert_intermediate_size: 1408}"),
            Examples.spec(extra: "moe: {experts: 64, top_k: 6, n_group: 8, topk_group: 4, expert_intermediate_size: 1408}"),
        ])

    /// The loader reports missing experts / top_k and a shared-expert gate without shared experts.
    func claims(_ loaderDiagnostic: Diagnostic) -> Bool {
        let path = loaderDiagnostic.keyPath ?? ""
        return (claim(loaderDiagnostic, .missingField) && path.hasPrefix("moe."))
            || loaderDiagnostic.code == .check(.sharedExpertGate)
    }

    func check(_ context: LintContext) -> [Diagnostic] {
        guard context.written("moe") else { return [] }
        var findings: [Diagnostic] = []
        let group = context.written("moe.n_group"), topkGroup = context.written("moe.topk_group")
        if group != topkGroup {
            let (given, absent) = group ? ("moe.n_group", "moe.topk_group") : ("moe.topk_group", "moe.n_group")
            findings.append(context.finding(Self.description, "\(given) is given without \(absent)", at: given))
        }
        return findings
    }
}
