/// AC506: rope scaling declared for a model without rotary positions.
struct RopeScalingWithoutRopeRule: LintRule {
    static let description = RuleDescription(
        code: "AC506", name: "rope-scaling-without-rope", severity: .warning, category: .positions,
        summary: "position.rope_scaling is set but position.kind is not rope",
        rationale: """
            Rope scaling stretches rotary position angles; with learned, ALiBi or no positions it has no \
            effect, so either the kind or the scaling is wrong. Fix position.kind or drop the scaling.
            """,
        source: "transformers rope utilities apply only to rotary embeddings",
        requiresKeys: ["position.rope_scaling.factor"],
        triggering: [Examples.spec(extra: "position: {kind: learned, rope_scaling: ↓{type: linear, factor: 2, original_context_length: 2048}}")],
        nonTriggering: [Examples.spec(extra: "position: {kind: rope, rope_scaling: {type: linear, factor: 2, original_context_length: 2048}}")])

    func check(_ context: LintContext) -> [Diagnostic] {
        guard context.written("position.rope_scaling"), !context.usesRoPE, let kind = context.string("position.kind") else { return [] }
        return [context.finding(Self.description,
            "position.rope_scaling has no effect with position.kind \(kind)", at: "position.rope_scaling",
            related: [("position kind", "position.kind")])]
    }
}
