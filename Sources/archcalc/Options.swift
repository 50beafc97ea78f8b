import ArchSpec
import ArgumentParser

extension DType: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension EstimateFormat: ExpressibleByArgument {}
extension ComparisonFormat: ExpressibleByArgument {}
extension PruneHeadsFormat: ExpressibleByArgument {}
extension HardwareFormat: ExpressibleByArgument {}
extension RulesFormat: ExpressibleByArgument {}
extension ValidationFormat: ExpressibleByArgument {}
extension CalibrationFormat: ExpressibleByArgument {}
extension AttentionFlopsConvention: ExpressibleByArgument {}
extension LogitsConvention: ExpressibleByArgument {}
extension MLADecodeForm: ExpressibleByArgument {}
extension WindowCacheConvention: ExpressibleByArgument {}

/// Workload flags shared by the commands that run the cost model.
struct WorkloadOptions: ParsableArguments {
    @Option(help: "Tokens per sequence (4096, 8k, 128k): the prompt for prefill, the tokens already cached for decode. Default: each spec's context_length.")
    var context: TokenCount?

    @Option(help: "Sequences processed together.")
    var batch: Int = 1

    @Option(name: [.customLong("dtype"), .customLong("weights-dtype")],
            help: "Weight dtype, overriding the spec's (\(DType.allCases.map(\.rawValue).joined(separator: ", "))).")
    var dtype: DType?

    @Option(help: "KV-cache dtype. Default: the weight dtype.")
    var kvDtype: DType?

    @Option(help: "Prefill attention FLOPs: causal (position i attends to i+1 keys) or full (the whole S x S matrix).")
    var attentionFlops: AttentionFlopsConvention = .causal

    @Option(help: "Prefill positions that compute logits: last (generation) or all (a training step or plain forward).")
    var logits: LogitsConvention = .last

    @Option(help: "MLA decode attention FLOPs: absorbed (kv_b_proj folded into queries and outputs, as serving engines run it) or naive (the cache re-expanded every step).")
    var mlaDecode: MLADecodeForm = .absorbed

    @Option(help: "Tokens a sliding-window or chunked layer caches past its window: window (what the next step attends to, as serving engines allocate) or window-minus-one (what transformers' cache keeps between steps).")
    var windowCache: WindowCacheConvention = .window

    func validate() throws {
        if batch < 1 { throw ValidationError("--batch must be at least 1, got \(batch)") }
    }

    var costOptions: CostOptions {
        CostOptions(context: context?.value, batch: batch, weightsDType: dtype, kvDType: kvDtype,
                    attentionFlops: attentionFlops, logits: logits, mlaDecode: mlaDecode)
            .with(windowCache: windowCache)
    }
}

/// A token count written as `4096`, `8k` (8,192) or `1m` (1,048,576), at least 1.
struct TokenCount: ExpressibleByArgument {
    var value: Int

    init?(argument: String) {
        guard let value = Sweep.size(argument), value >= 1 else { return nil }
        self.value = value
    }
}
