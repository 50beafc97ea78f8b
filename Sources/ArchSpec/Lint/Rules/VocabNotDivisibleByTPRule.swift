/// AC304: the vocabulary does not split evenly across tensor-parallel ranks after padding.
struct VocabNotDivisibleByTPRule: LintRule {
    static let description = RuleDescription(
        code: "AC304", name: "vocab-not-divisible-by-tp", severity: .warning, category: .parallelism,
        summary: "vocab_size is not divisible by the vocabulary multiple x the tensor-parallel degree",
        rationale: """
            Vocab-parallel embeddings and lm_heads split the vocabulary across TP ranks; Megatron pads it to a \
            multiple of make_vocab_size_divisible_by x tp, so an unpadded size grows at load time and \
            checkpoints stop matching. Pad vocab_size to the multiple the message gives.
            """,
        source: "Megatron `vocab_size_with_padding` (make_vocab_size_divisible_by x tensor_model_parallel_size)",
        triggering: [Examples.spec(vocab: "↓32000", extra: "parallelism: {tensor: 8}")],
        nonTriggering: [Examples.spec(vocab: "32768", extra: "parallelism: {tensor: 8}")])

    func check(_ context: LintContext) -> [Diagnostic] {
        let multiple = context.settings.alignment.vocab
        guard let vocab = context.int("vocab_size") else { return [] }
        return context.degrees(.tensor).compactMap { degree in
            let (divisor, overflow) = degree.value.multipliedReportingOverflow(by: max(1, multiple))
            guard !overflow, vocab % divisor != 0 else { return nil }
            let padded = LintMessage.paddedUp(vocab, to: divisor).map { "; pad it to \($0)" } ?? ""
            return context.finding(Self.description,
                "vocab_size \(vocab) is not divisible by \(multiple) x \(degree.phrase(.tensor)) = \(divisor)\(padded)",
                at: "vocab_size", related: [("tensor-parallel degree declared here", degree.origin)])
        }
    }
}
