/// AC006: a key the archspec schema does not define.
struct UnknownKeyRule: LintRule {
    static let description = RuleDescription(
        code: "AC006", name: "unknown-key", severity: .error, category: .document,
        summary: "a key is not part of the archspec schema (the message suggests the nearest valid key)",
        rationale: """
            A typo such as `kv_head` or a Hugging Face name such as `num_key_value_heads` would otherwise be \
            ignored and the default used instead (MHA), changing the KV cache by 4-8x. The message names the \
            nearest valid key by edit distance, or the archspec name of a known Hugging Face key. Rename the \
            key; `docs/archspec.md` lists every key.
            """,
        source: "actionlint \"unexpected key ... expected one of\"; kubeconform `-strict`; ruff unknown config field",
        triggering: [
            Examples.spec(attention: "{heads: 32, ↓kv_head: 8}"),
            Examples.spec(extra: "↓num_hidden_layers: 32"),
        ],
        nonTriggering: [RuleExample(Examples.base)])

    func claims(_ loaderDiagnostic: Diagnostic) -> Bool { claim(loaderDiagnostic, .unknownKey) }
}
