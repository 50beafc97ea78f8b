/// AC903: a suppression without a reason (opt-in).
struct SuppressionWithoutReasonRule: LintRule {
    static let description = RuleDescription(
        code: "AC903", name: "suppression-without-reason", severity: .info, category: .meta,
        summary: "an `# archcalc:` suppression gives no ` - reason` (opt-in: select AC903)",
        rationale: """
            Reviewers should see why a finding was accepted. Append ` - reason` to the comment: \
            `# archcalc: ignore[AC201] - GPT-2 tokenizer is fixed`. Off by default; enable it with \
            `select: [ALL]` or `select: [AC903, ...]`.
            """,
        source: "kube-linter annotations (\"strongly encourage adding an explanation\"); SwiftLint ` - ` comments; hadolint DL1001",
        enabledByDefault: false,
        triggering: [Examples.spec(vocab: "50257  ↓# archcalc: ignore[AC201]")],
        nonTriggering: [Examples.spec(vocab: "50257  # archcalc: ignore[AC201] - GPT-2 tokenizer")])
}
