/// AC003: the input exceeds a safety limit (alias expansion, nesting depth or size).
struct InputLimitsRule: LintRule {
    static let description = RuleDescription(
        code: "AC003", name: "input-limits", severity: .error, category: .document,
        summary: "aliases expand beyond the node budget, nesting is too deep, or the file is too large",
        rationale: """
            A "billion laughs" document of a few hundred bytes expands to billions of nodes in loaders that \
            copy aliases, and a linter traverses every node. archcalc counts nodes as aliases expand and refuses \
            a document beyond 250,000 nodes, 128 levels of nesting or 4 MiB (checked with `fstat` before \
            reading), in milliseconds and bounded memory. Specs are a few hundred bytes: write values out \
            instead of nesting aliases. Cannot be suppressed (the document is never fully read).
            """,
        source: "CVE-2019-11253 (kubernetes/kubernetes#83253); yaml/pyyaml#235; actionlint recursive-alias check",
        suppressible: false,
        triggering: [
            """
            archspec: 1
            a: &a [x, x, x, x, x, x, x, x, x, x]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
            d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
            e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, ↓*d, *d, *d, *d, *d, *d, *d, *d, *d]
            """,
        ],
        nonTriggering: [RuleExample(Examples.base)])

    func claims(_ loaderDiagnostic: Diagnostic) -> Bool { claim(loaderDiagnostic, .aliasBomb) }
}
