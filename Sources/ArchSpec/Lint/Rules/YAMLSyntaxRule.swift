/// AC001: the file is not well-formed YAML (or not UTF-8 text, or holds several documents).
struct YAMLSyntaxRule: LintRule {
    static let description = RuleDescription(
        code: "AC001", name: "yaml-syntax", severity: .error, category: .document,
        summary: "the file is not a single well-formed YAML document",
        rationale: """
            A scanner, parser or composer error (including binary data, invalid UTF-8 and a second document \
            after `---`) means nothing else in the file can be checked. The finding points at the parser's \
            mark. It cannot be suppressed: a suppression comment in a file that does not parse cannot be trusted. \
            Fix the YAML; `python -c 'import yaml,sys; yaml.safe_load(open(sys.argv[1]))' FILE` gives a second opinion.
            """,
        source: "yamllint `(syntax)`; hadolint DL1000; Spectral `parser`: a parse failure is an ordinary located finding",
        suppressible: false,
        triggering: [
            "archspec: 1\nvocab_size: [32000\n↓",
            "archspec: 1\nname: \"unterminated\n↓",
            "archspec: 1\n↓---\narchspec: 1\n",
        ],
        nonTriggering: [RuleExample(Examples.base)])

    func claims(_ loaderDiagnostic: Diagnostic) -> Bool { claim(loaderDiagnostic, .yamlSyntax) }
}
