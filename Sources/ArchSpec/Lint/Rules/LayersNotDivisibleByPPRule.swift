/// AC306: layers do not split evenly into pipeline stages.
struct LayersNotDivisibleByPPRule: LintRule {
    static let description = RuleDescription(
        code: "AC306", name: "layers-not-divisible-by-pp", severity: .warning, category: .parallelism,
        summary: "layers is not divisible by the pipeline-parallel degree",
        rationale: """
            Megatron asserts that layers divide evenly into pipeline stages; vLLM splits unevenly, which leaves \
            the longest stage as the bottleneck and idles the others. A warning, not an error, because \
            inference engines accept it. Pick a degree that divides layers.
            """,
        source: "Megatron arguments.py \"number of layers of the model must be divisible pipeline model parallel size\"; vLLM `get_pp_indices`",
        triggering: [Examples.spec(layers: "↓30", extra: "parallelism: {pipeline: 4}")],
        nonTriggering: [Examples.spec(extra: "parallelism: {pipeline: 4}")])

    func check(_ context: LintContext) -> [Diagnostic] {
        context.divisibility(Self.description, path: "layers", by: .pipeline)
    }
}
