/// AC004: an anchor (`&name`) that no alias uses.
struct UnusedAnchorRule: LintRule {
    static let description = RuleDescription(
        code: "AC004", name: "unused-anchor", severity: .warning, category: .document,
        summary: "an anchor is defined but never referenced",
        rationale: """
            Anchors in spec files are usually copy-paste debris; an unused one suggests a value that was meant \
            to be shared but is not, so two sections that look linked can drift apart. Remove the anchor or \
            reference it with `*name`.
            """,
        source: "yamllint `anchors` (`forbid-unused-anchors`); actionlint \"anchor ... is defined but not used\"",
        triggering: [Examples.spec(hidden: "↓&width 4096")],
        nonTriggering: [Examples.spec(hidden: "&width 4096", context: "*width")])

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let document = context.result.document else { return [] }
        return document.anchors.filter { $0.uses == 0 }.map { anchor in
            Diagnostic(
                severity: Self.description.severity, code: Self.description.diagnosticCode,
                message: "anchor '\(Escaping.short(anchor.name))' is defined but never used",
                file: context.file, location: anchor.location)
        }
    }
}
