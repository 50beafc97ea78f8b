/// AC010: the file is empty or its top level is not a mapping.
struct NotASpecRule: LintRule {
    static let description = RuleDescription(
        code: "AC010", name: "not-a-spec", severity: .error, category: .document,
        summary: "a file named explicitly is empty or is not a mapping of spec keys",
        rationale: """
            A spec is a mapping at the top level. Directory scans skip YAML files without an `archspec:` key, \
            but a file named on the command line is always linted, so an empty file or a list there is \
            reported. Pass only spec files, or let a directory scan pick them.
            """,
        source: "Spectral `unrecognized-format`; kubeconform `-ignore-missing-schemas`",
        triggering: ["↓- archspec: 1\n- vocab_size: 32000\n"],
        nonTriggering: [RuleExample(Examples.base)])

    func claims(_ loaderDiagnostic: Diagnostic) -> Bool { claim(loaderDiagnostic, .notASpec) }
}
