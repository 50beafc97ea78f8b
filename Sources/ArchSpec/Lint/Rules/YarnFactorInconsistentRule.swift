/// AC503: a YaRN factor that disagrees with context_length / original_context_length.
struct YarnFactorInconsistentRule: LintRule {
    static let description = RuleDescription(
        code: "AC503", name: "yarn-factor-inconsistent", severity: .warning, category: .positions,
        summary: "a yarn rope_scaling factor differs from context_length / original_context_length",
        rationale: """
            For YaRN the factor is implied by the two context lengths; when both are written and disagree, \
            transformers uses the explicit factor and warns of unexpected behaviour. Make the three agree.
            """,
        source: "transformers: \"The explicitly set RoPE scaling factor ... does not match the ratio implicitly set by other parameters\"",
        requiresKeys: ["position.rope_scaling.type", "position.rope_scaling.factor", "position.rope_scaling.original_context_length"],
        triggering: [Examples.spec(context: "32768", extra: "position: {kind: rope, rope_scaling: {type: yarn, factor: ↓2, original_context_length: 4096}}")],
        nonTriggering: [Examples.spec(context: "32768", extra: "position: {kind: rope, rope_scaling: {type: yarn, factor: 8, original_context_length: 4096}}")])

    func check(_ context: LintContext) -> [Diagnostic] {
        guard context.string("position.rope_scaling.type") == "yarn", let factor = context.number("position.rope_scaling.factor"),
              let original = context.int("position.rope_scaling.original_context_length"), original > 0,
              let length = context.int("context_length")
        else { return [] }
        let implied = Double(length) / Double(original)
        guard abs(implied - factor) > 1e-6 * max(1, implied) else { return [] }
        return [context.finding(Self.description,
            "yarn factor \(LintNumber.text(factor)) differs from context_length \(length) / original_context_length \(original) = \(LintNumber.text(implied))",
            at: "position.rope_scaling.factor")]
    }
}
