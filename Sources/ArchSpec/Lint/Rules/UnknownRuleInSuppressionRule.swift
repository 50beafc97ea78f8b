/// AC902: a suppression naming a rule that does not exist.
struct UnknownRuleInSuppressionRule: LintRule {
    static let description = RuleDescription(
        code: "AC902", name: "unknown-rule-in-suppression", severity: .warning, category: .meta,
        summary: "an `# archcalc:` comment names an unknown rule or directive",
        rationale: """
            A typo in a suppression silences nothing (or, parsed loosely, everything). Rules are named by code \
            (AC201), name (vocab-not-padded) or code prefix (AC2); directives are ignore, disable, enable and \
            file-ignore. The message suggests the nearest valid spelling.
            """,
        source: "ruff RUF102 `invalid-rule-code`",
        triggering: [
            Examples.spec(vocab: "50257  ↓# archcalc: ignore[vocab-not-paded]"),
            Examples.spec(vocab: "32000  ↓# archcalc: ignroe[AC201]"),
        ],
        nonTriggering: [Examples.spec(vocab: "50257  # archcalc: ignore[vocab-not-padded]")])
}
