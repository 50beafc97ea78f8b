/// AC602: fp16 weights for a deep model.
struct FP16LargeModelRule: LintRule {
    static let description = RuleDescription(
        code: "AC602", name: "fp16-deep-model", severity: .info, category: .numerics,
        summary: "dtype fp16 for a model deeper than 40 layers",
        rationale: """
            Activation magnitudes grow with depth, and fp16's range ends at 65504; deep models trained in bf16 \
            (which has fp32's exponent range and needs no loss scaling) overflow more often when run in fp16. \
            Prefer bf16 unless the model was trained in fp16.
            """,
        source: "transformers #14579 (bf16 guide); transformers #11076 (GPT-Neo fp16 overflow); microsoft/onnxruntime-genai#2444",
        triggering: [Examples.spec(layers: "80", extra: "dtype: ↓fp16")],
        nonTriggering: [Examples.spec(extra: "dtype: fp16"), Examples.spec(layers: "80", extra: "dtype: bf16")])

    func check(_ context: LintContext) -> [Diagnostic] {
        guard context.string("dtype") == DType.fp16.rawValue, let layers = context.int("layers"), layers > 40 else { return [] }
        return [context.finding(Self.description,
            "dtype fp16 with \(layers) layers risks activation overflow (fp16 max 65504); prefer bf16",
            at: "dtype", related: [("layers", "layers")])]
    }
}
