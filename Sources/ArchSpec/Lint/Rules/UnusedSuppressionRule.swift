/// AC901: a suppression comment that silenced nothing.
struct UnusedSuppressionRule: LintRule {
    static let description = RuleDescription(
        code: "AC901", name: "unused-suppression", severity: .warning, category: .meta,
        summary: "an `# archcalc:` suppression silenced no finding",
        rationale: """
            A stale suppression hides the next real problem on that line. Remove it, or narrow it to the rules \
            that still fire. Reported at the comment, one finding per unused rule selector.
            """,
        source: "ruff RUF100 `unused-noqa`; SwiftLint `superfluous_disable_command`",
        triggering: [
            Examples.spec(vocab: "32000  ↓# archcalc: ignore[AC201] - padded upstream"),
        ],
        nonTriggering: [
            Examples.spec(vocab: "50257  # archcalc: ignore[AC201] - GPT-2 tokenizer"),
        ])
}
