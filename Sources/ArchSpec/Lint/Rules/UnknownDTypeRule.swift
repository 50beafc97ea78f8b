/// AC603: a dtype archcalc does not know.
struct UnknownDTypeRule: LintRule {
    static let description = RuleDescription(
        code: "AC603", name: "unknown-dtype", severity: .error, category: .numerics,
        summary: "dtype is not a known storage format (the message suggests the nearest)",
        rationale: """
            Bytes per parameter, and so every memory figure, depend on the dtype. archcalc knows fp32, fp16, \
            bf16, fp8, int8 and int4, and the Hugging Face spellings float32, float16, half and bfloat16. Write \
            one of those.
            """,
        source: "vLLM `_STR_DTYPE_TO_TORCH_DTYPE` alias table (half, float16, bfloat16, ...)",
        triggering: [Examples.spec(extra: "dtype: ↓bfloat")],
        nonTriggering: [Examples.spec(extra: "dtype: bf16"), Examples.spec(extra: "dtype: bfloat16")])

    func claims(_ loaderDiagnostic: Diagnostic) -> Bool {
        loaderDiagnostic.keyPath == "dtype" && claim(loaderDiagnostic, .invalidValue)
    }
}
