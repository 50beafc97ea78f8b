/// AC201: vocab_size not padded to the alignment multiple.
struct VocabNotPaddedRule: LintRule {
    static let description = RuleDescription(
        code: "AC201", name: "vocab-not-padded", severity: .warning, category: .efficiency,
        summary: "vocab_size is not a multiple of 64 (configurable); the message gives the padded size",
        rationale: """
            The embedding and lm_head matrices have vocab_size rows; GEMMs whose dimensions are multiples of 64 \
            map cleanly onto tensor-core tiles. nanoGPT pads GPT-2's 50257 to 50304 \"for efficiency\"; vLLM \
            pads vocabularies to 64 and Megatron to 128 x TP. Pad the vocabulary (unused rows cost a few MB) or \
            set `alignment: {vocab: N}` in .archcalc.yaml to your framework's multiple.
            """,
        source: "karpathy/nanoGPT model.py (vocab_size 50304, \"padded up to nearest multiple of 64 for efficiency\"); vLLM `DEFAULT_VOCAB_PADDING_SIZE = 64`; Megatron `--make-vocab-size-divisible-by`",
        triggering: [Examples.spec(vocab: "↓50257")],
        nonTriggering: [RuleExample(Examples.base), Examples.spec(vocab: "50304")])

    func check(_ context: LintContext) -> [Diagnostic] {
        let multiple = context.settings.alignment.vocab
        guard multiple > 1, let vocab = context.int("vocab_size"), vocab % multiple != 0 else { return [] }
        return [context.finding(Self.description, LintMessage.notMultiple("vocab_size", vocab, of: multiple), at: "vocab_size")]
    }
}
