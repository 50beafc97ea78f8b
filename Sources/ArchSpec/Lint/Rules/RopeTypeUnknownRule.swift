/// AC504: a rope scaling type no framework knows.
struct RopeTypeUnknownRule: LintRule {
    static let description = RuleDescription(
        code: "AC504", name: "rope-type-unknown", severity: .error, category: .positions,
        summary: "position.rope_scaling.type is not a known rope scaling method",
        rationale: """
            Loaders reject unknown rope types rather than guess how positions are stretched. Use one of \
            linear, dynamic, yarn, longrope or llama3 (the message suggests the nearest).
            """,
        source: "transformers: \"`rope_scaling`'s 'type' field must be one of ...\" (ROPE_INIT_FUNCTIONS)",
        requiresKeys: ["position.rope_scaling.type"],
        triggering: [Examples.spec(extra: "position: {kind: rope, rope_scaling: {type: ↓yarm, factor: 2, original_context_length: 2048}}")],
        nonTriggering: [Examples.spec(extra: "position: {kind: rope, rope_scaling: {type: yarn, factor: 2, original_context_length: 2048}}")])

    static let known = ["default", "linear", "dynamic", "yarn", "longrope", "llama3", "ntk"]

    func claims(_ loaderDiagnostic: Diagnostic) -> Bool {
        loaderDiagnostic.keyPath == "position.rope_scaling.type" && claim(loaderDiagnostic, .invalidValue)
    }

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let type = context.string("position.rope_scaling.type"), !Self.known.contains(type) else { return [] }
        let hint = EditDistance.nearest(to: type, among: Self.known).map { "; did you mean \($0)?" } ?? ""
        return [context.finding(Self.description,
            "rope scaling type '\(Escaping.short(type))' is not one of \(Self.known.joined(separator: ", "))\(hint)",
            at: "position.rope_scaling.type")]
    }
}
