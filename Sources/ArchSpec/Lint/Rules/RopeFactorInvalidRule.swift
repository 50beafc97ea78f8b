/// AC502: a rope scaling factor below 1.
struct RopeFactorInvalidRule: LintRule {
    static let description = RuleDescription(
        code: "AC502", name: "rope-factor-invalid", severity: .error, category: .positions,
        summary: "position.rope_scaling.factor is missing (where the type needs one) or below 1",
        rationale: """
            The factor stretches the trained context; a factor below 1 shrinks it, which is almost always a \
            typo (0.25 for 4), and transformers rejects it. Write the factor as reach / original (>= 1). \
            longrope (and its older name su) scales by per-dimension short and long factor lists and derives \
            the overall factor from context_length / original_context_length, so it needs no factor.
            """,
        source: "transformers `rope_config_validation`: \"`rope_scaling`'s factor field must be a float >= 1\"",
        requiresKeys: ["position.rope_scaling.factor"],
        triggering: [
            Examples.spec(extra: "position: {kind: rope, rope_scaling: {type: linear, factor: ↓0.25, original_context_length: 4096}}"),
            Examples.spec(extra: "position: {kind: rope, rope_scaling: ↓{type: linear, original_context_length: 4096}}"),
        ],
        nonTriggering: [
            Examples.spec(extra: "position: {kind: rope, rope_scaling: {type: linear, factor: 1, original_context_length: 4096}}"),
            // Phi-3.5-MoE: longrope with short_factor / long_factor lists and no single factor.
            Examples.spec(extra: "position: {kind: rope, rope_scaling: {type: longrope, original_context_length: 4096}}"),
        ])

    /// Types whose factor transformers derives (`longrope`: max_position_embeddings / original).
    static let derivedFactorTypes: Set = ["longrope", "su"]

    func check(_ context: LintContext) -> [Diagnostic] {
        guard context.written("position.rope_scaling") else { return [] }
        guard context.written("position.rope_scaling.factor") else {
            if let type = context.string("position.rope_scaling.type"), Self.derivedFactorTypes.contains(type) { return [] }
            return [context.finding(Self.description, "position.rope_scaling needs a factor", at: "position.rope_scaling")]
        }
        guard let factor = context.number("position.rope_scaling.factor"), factor < 1 else { return [] }
        return [context.finding(Self.description,
            "position.rope_scaling.factor \(LintNumber.text(factor)) is below 1; the factor is reach / original context",
            at: "position.rope_scaling.factor")]
    }
}
