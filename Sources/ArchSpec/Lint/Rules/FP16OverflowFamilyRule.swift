/// AC601: fp16 weights for a model family known to overflow in fp16.
struct FP16OverflowFamilyRule: LintRule {
    static let description = RuleDescription(
        code: "AC601", name: "fp16-overflow-family", severity: .warning, category: .numerics,
        summary: "dtype fp16 for a family known to overflow in fp16 (Gemma 2/3, T5, PLaMo 2, GLM-4)",
        rationale: """
            These families were trained in bf16 and their activations exceed fp16's maximum of 65504, producing \
            inf and NaN; vLLM refuses to run them in fp16. The family is recognised from the spec's name \
            (gemma-2, gemma3, t5, flan-t5, mt5, plamo2, glm-4). Use bf16 (or fp32).
            """,
        source: "vLLM `_FLOAT16_NOT_SUPPORTED_MODELS` (\"Numerical instability. Please use bfloat16 or float32 instead.\"); google-research/text-to-text-transfer-transformer#539",
        triggering: [Examples.spec(extra: "name: gemma-2-9b\ndtype: ↓fp16")],
        nonTriggering: [Examples.spec(extra: "name: gemma-2-9b\ndtype: bf16"), Examples.spec(extra: "name: gpt5-mini\ndtype: fp16")])

    static let families: Set<String> = ["gemma2", "gemma3", "t5", "mt5", "umt5", "plamo2", "glm4"]

    func check(_ context: LintContext) -> [Diagnostic] {
        guard context.string("dtype") == DType.fp16.rawValue, let name = context.string("name"),
              let family = Self.family(of: name)
        else { return [] }
        return [context.finding(Self.description,
            "dtype fp16 for the \(family) family, whose activations overflow fp16 (max 65504); use bf16",
            at: "dtype", related: [("name", "name")])]
    }

    /// The family a name belongs to: a token, or two adjacent tokens joined (`gemma-2-9b` -> gemma2).
    static func family(of name: String) -> String? {
        let tokens = name.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
        for (index, token) in tokens.enumerated() {
            if families.contains(token) { return token }
            if index + 1 < tokens.count, families.contains(token + tokens[index + 1]) { return token + tokens[index + 1] }
        }
        return nil
    }
}
