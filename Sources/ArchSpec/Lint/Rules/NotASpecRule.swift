/// AC010: the file is empty, its top level is not a mapping, or none of its top-level keys is an archspec key.
struct NotASpecRule: LintRule {
    static let description = RuleDescription(
        code: "AC010", name: "not-a-spec", severity: .error, category: .document,
        summary: "a file named explicitly is empty, is not a mapping, or has no archspec key at the top level",
        rationale: """
            A spec is a mapping at the top level. Directory scans skip YAML files without an `archspec:` key, \
            but a file named on the command line is always linted, so an empty file or a list there is \
            reported. A mapping none of whose top-level keys is an archspec key (a `.env` file, a CI config, a \
            symlink to a system file) is reported the same way, and no line of it is quoted. Pass only spec \
            files, or let a directory scan pick them.
            """,
        source: "Spectral `unrecognized-format`; kubeconform `-ignore-missing-schemas`",
        triggering: ["↓- archspec: 1\n- vocab_size: 32000\n", "↓SECRET_TOKEN: abc123\nDB_PASSWORD: hunter2\n"],
        nonTriggering: [RuleExample(Examples.base)])

    func claims(_ loaderDiagnostic: Diagnostic) -> Bool { claim(loaderDiagnostic, .notASpec) }
}
