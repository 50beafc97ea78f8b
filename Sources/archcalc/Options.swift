import ArchSpec
import ArgumentParser

extension DType: EnumArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension EstimateFormat: EnumArgument {}
extension ComparisonFormat: EnumArgument {}
extension PruneHeadsFormat: EnumArgument {}
extension HardwareFormat: EnumArgument {}
extension RulesFormat: EnumArgument {}
extension ValidationFormat: EnumArgument {}
extension CalibrationFormat: EnumArgument {}
extension AttentionFlopsConvention: EnumArgument {}
extension LogitsConvention: EnumArgument {}
extension MLADecodeForm: EnumArgument {}
extension WindowCacheConvention: EnumArgument {}

/// The workload flags of every command that costs a spec (estimate, compare, size): the same names, aliases,
/// value syntax and help everywhere.
struct WorkloadOptions: ParsableArguments {
    @Option(help: "Tokens per sequence (4096, 8k, 128k): the prompt for prefill, the tokens already cached for decode. Default: each spec's context_length.")
    var context: TokenCount?

    // Options in the two groups below state their defaults in the help and are optional underneath: a default
    // value makes argument-parser cast it to `any CaseIterable & RawRepresentable` at every start, a scan of
    // every protocol conformance in the process for each type (about 3 M instructions of `estimate`,
    // docs/startup.md).
    @Option(name: .customLong("batch"), help: "Sequences processed together. (default: 1)")
    var batchValue: Int?

    /// `--batch`, 1 when not given.
    var batch: Int { batchValue ?? 1 }

    @Option(name: [.customLong("dtype"), .customLong("weights-dtype")],
            help: "Weight dtype, overriding the spec's.")
    var dtype: DType?

    @Option(help: "KV-cache dtype. Default: the weight dtype.")
    var kvDtype: DType?

    func validate() throws {
        if batch < 1 { throw ValidationError("--batch must be at least 1, got \(batch)") }
    }
}

/// The counting conventions of the cost model (estimate, compare).
struct ConventionOptions: ParsableArguments {
    @Option(name: .customLong("attention-flops"),
            help: "Prefill attention FLOPs: causal (position i attends to i+1 keys) or full (the whole S x S matrix). Default: causal.")
    var attentionFlopsValue: AttentionFlopsConvention?

    @Option(name: .customLong("logits"),
            help: "Prefill positions that compute logits: last (generation) or all (a training step or plain forward). Default: last.")
    var logitsValue: LogitsConvention?

    @Option(name: .customLong("mla-decode"),
            help: "MLA decode attention FLOPs: absorbed (kv_b_proj folded into queries and outputs, as serving engines run it) or naive (the cache re-expanded every step). Default: absorbed.")
    var mlaDecodeValue: MLADecodeForm?

    @Option(name: .customLong("window-cache"),
            help: "Tokens a sliding-window or chunked layer caches past its window: window (what the next step attends to, as serving engines allocate) or window-minus-one (what transformers' cache keeps between steps). Default: window.")
    var windowCacheValue: WindowCacheConvention?

    var attentionFlops: AttentionFlopsConvention { attentionFlopsValue ?? .causal }
    var logits: LogitsConvention { logitsValue ?? .last }
    var mlaDecode: MLADecodeForm { mlaDecodeValue ?? .absorbed }
    var windowCache: WindowCacheConvention { windowCacheValue ?? .window }

    /// The cost model's options for this workload and these conventions.
    func costOptions(_ workload: WorkloadOptions) -> CostOptions {
        CostOptions(context: workload.context?.value, batch: workload.batch, weightsDType: workload.dtype,
                    kvDType: workload.kvDtype, attentionFlops: attentionFlops, logits: logits, mlaDecode: mlaDecode)
            .with(windowCache: windowCache)
    }
}

/// `-o/--output`, the same in every command that writes a result.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Write the result to this file (atomically; - is standard output) instead of standard output.")
    var output: String?

    /// Writes `text` to the file or standard output; a failure is status 2.
    func emit(_ text: String) throws(CommandFailure) { try Output.emit(text, to: output) }
}

/// A token count written as `4096`, `8k` (8,192) or `1m` (1,048,576), at least 1.
struct TokenCount: ExpressibleByArgument {
    var value: Int

    init(_ value: Int) { self.value = value }

    init?(argument: String) {
        guard let value = Sweep.size(argument), value >= 1 else { return nil }
        self.value = value
    }

    var defaultValueDescription: String { "\(value)" }
}
