/// Shared pieces of rule examples.
enum Examples {
    /// A valid spec that triggers no rule; examples append or replace lines.
    static let base = """
        archspec: 1
        vocab_size: 32000
        hidden_size: 4096
        layers: 32
        context_length: 4096
        attention: {heads: 32, kv_heads: 8}
        mlp: {intermediate_size: 11008}
        """

    /// `base` with the attention and mlp lines replaced, and `extra` lines appended.
    static func spec(
        vocab: String = "32000", hidden: String = "4096", layers: String = "32", context: String = "4096",
        attention: String = "{heads: 32, kv_heads: 8}", mlp: String = "{intermediate_size: 11008}", extra: String = ""
    ) -> RuleExample {
        var text = """
            archspec: 1
            vocab_size: \(vocab)
            hidden_size: \(hidden)
            layers: \(layers)
            context_length: \(context)
            attention: \(attention)
            mlp: \(mlp)
            """
        if !extra.isEmpty { text += "\n" + extra }
        return RuleExample(text)
    }
}

/// Helpers for the document-layer rules, which claim the loader's diagnostics.
extension LintRule {
    func claim(_ diagnostic: Diagnostic, _ problems: LoadProblem...) -> Bool {
        problems.contains { $0 == diagnostic.code.loadProblem }
    }
}
