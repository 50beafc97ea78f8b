import ArchSpec
import ArgumentParser

extension SizingFormat: EnumArgument {}
extension KVAccounting: EnumArgument {}
extension AllReduceImplementation: EnumArgument {}

extension Archcalc {
    struct Size: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "size",
            abstract: "Will a model run on that hardware: memory per device, devices needed, max batch and context, latency.",
            discussion: """
                Memory per device is weights (sharded by --tp, --pp and, for routed experts, --ep; K/V heads \
                replicate when tp exceeds \
                kv_heads), KV cache, the activations of one prefill chunk, and a runtime reserve: by default the \
                sum of sourced runtime parts (context and libraries 0.33 GiB, captured graphs 1 GiB, collective \
                buffers tp x pp / 8 GiB on more than one device); with --kv-accounting vllm, sglang or llamacpp, \
                that engine's KV allocation and runtime parts; --reserve, or a profile's reserve, sets a flat one. Without --gpus the smallest power-of-two device count that fits is chosen and \
                the smaller ones are listed with why they fail. Latency is a roofline per phase: \
                max(compute, memory) + communication, with the profile's efficiency factors (defaults: compute \
                0.70, memory 0.80, communication 0.75); the datasheet-only figure is printed too. \
                Reverse queries: several --hardware devices print one row per device; --best-dtype finds the \
                most precise weight and KV dtypes that fit. --explain gives each number's formula, sources, \
                evidence and error band. docs/sizing.md gives every formula.

                """ + "\n" + ExitStatus.help(
                    success: "the configuration fits (or a sweep ran; with several devices or --best-dtype, something fits)",
                    no: "it does not fit"))

        @Argument(help: "Spec file: archspec YAML or Hugging Face config.json.", completion: specCompletion)
        var spec: String

        @Option(help: "Hardware: a built-in id (archcalc hardware list) or a profile YAML file. Several (h100-sxm,h200,l40s or the option repeated): one row per device, each at the smallest count that fits.",
                completion: HardwareReference.defaultCompletionKind, transform: { try HardwareReference.list(parsing: $0) })
        var hardware: [[HardwareReference]]

        @OptionGroup(title: "Workload") var workload: WorkloadOptions

        @Option(name: .customLong("gpus"), help: "Devices in total. Default: the smallest count that fits.")
        var devices: Int?

        @Option(help: "Tensor-parallel degree. Default: chosen.")
        var tp: Int?

        @Option(help: "Pipeline-parallel degree. Default: chosen.")
        var pp: Int?

        @Option(help: "Attention data-parallel degree (wide expert parallelism; SGLang --dp with --enable-dp-attention, vLLM --data-parallel-size with --enable-expert-parallel, TensorRT-LLM attention DP): dp replicas of the attention and dense layers, each over --tp ranks serving batch / dp of the sequences with its own KV cache, and the routed experts spread over ep = dp x tp ranks (or --ep, a divisor of dp x tp); devices = dp x tp x pp. An expert group wider than a node's devices sends its all-to-all over RDMA (DeepEP's figures over step_time.scaleout_bandwidth, default one 400 Gb/s NIC per device). Default: 1.")
        var dp: Int?

        @Option(help: "Expert-parallel degree for routed experts: a divisor of --tp (of dp x tp with --dp); each of ep ranks holds experts / ep of them, reached by an all-to-all dispatch and combine, each alltoall_latency + bytes at alltoall_bandwidth of the link (measured figures for NVLink and for RDMA links; a profile's step_time overrides them). Default: chosen (1 for dense models).")
        var ep: Int?

        @Option(help: "Quantisation group size along each row (scales and zero points are counted). Default for int4: 128.")
        var groupSize: Int?

        @Option(help: "Weight scale granularity: per-tensor, per-channel or per-group-N (overrides --group-size).")
        var weightScales: ScaleGranularity?

        @Flag(help: "Quantise the embedding and lm_head too (default: they stay 16-bit).")
        var quantizeEmbeddings = false

        @Option(help: "KV scale granularity: per-layer, per-head, per-token or per-group-N. Default: per-layer.")
        var kvScales: ScaleGranularity?

        @Option(help: "Dtype the matmuls run in. Default: fp8 for fp8 weights on devices with fp8, else 16-bit.")
        var computeDtype: DType?

        @Option(help: "Largest prefill step in tokens (chunked prefill); sizes the activation workspace.")
        var prefillChunk: Int = SizingRequest.defaultPrefillChunk

        @Option(help: "Runtime reserve per device, flat: a fraction (0.1, 10%) or bytes (2GiB). Default: the runtime parts (the engine's with --kv-accounting), or the profile's reserve when it sets one.")
        var reserve: Reserve?

        @Option(help: "KV-cache allocation: \(KVAccounting.names). An engine also brings its own runtime parts in place of the engine-neutral ones (unless --reserve is given); docs/sizing.md cites each engine's code.")
        var kvAccounting: KVAccounting = .ideal

        @Option(name: .customLong("allreduce"), help: "All-reduce on NVLink: \(AllReduceImplementation.names): a custom one-shot kernel (4.3 us, TensorRT-LLM's) or NCCL (16.84 us at small messages). Default: the profile's step_time.allreduce, custom.")
        var allReduce: AllReduceImplementation?

        @Flag(help: "Try every device count, not only powers of two.")
        var anyCount = false

        @Option(help: "Timing model: step (kernel by kernel, efficiency curves and fixed costs; default) or roofline (one roofline per phase with flat 0.70 compute / 0.80 memory factors).")
        var timing: TimingModel = .step

        @Option(help: "Sweep a range and print a table: context=1k..128k, batch=1..256, context=1k..128k:64 (64 points), batch=1..512+8 (steps of 8); at most \(Sweep.maxPoints) points (\(Sweep.maxPointsAnyDeviceCount) with --any-count).",
                transform: { text throws(SizingError) in try Sweep.parse(text) })
        var sweep: Sweep?

        @Flag(help: "Answer which weight and KV dtypes fit on --gpus devices (default 1): tries bf16, fp8, int8 and int4 weights, each with bf16, fp8, int8 and int4 KV, and prints the most precise combination that fits with why each more precise one does not.")
        var bestDtype = false

        @Flag(help: "Also print the basis of each number: formula, figures and efficiencies with their sources, validation evidence and error band (JSON always carries it as \"basis\").")
        var explain = false

        @Flag(help: "Also print the scale-metadata bytes of each quantisation granularity for this spec.")
        var scales = false

        @Option(help: "Write an SVG chart to this .svg file: memory vs context for several batches with the requested point, the max context and the model's limit marked, and the roofline; with --sweep, memory and decode throughput across the sweep.")
        var plot: String?

        @Option(help: "Output format: \(SizingFormat.choices).")
        var format: SizingFormat = .text

        @OptionGroup var output: OutputOptions

        @Option(help: "A profile from archcalc calibrate --spec SPEC: also give prefill and decode from its measured step surface for this host, each figure naming the model that produced it (not with --sweep).")
        var calibration: String?

        func validate() throws {
            let limit = Sweep.maxPoints(anyDeviceCount: anyCount)
            if let sweep, sweep.values.count > limit {
                throw ValidationError("--sweep: \(sweep.values.count) points; the limit with --any-count is \(limit)")
            }
            if let groupSize, groupSize < 1 { throw ValidationError("--group-size must be at least 1, got \(groupSize)") }
            try validateReverse()
        }

        func run() throws {
            let inputs = [spec] + hardwareList.compactMap(\.path) + (calibration.map { [$0] } ?? [])
            try Output.refuseOverwriting(outputs: [output.output, plot], inputs: inputs)
            try Output.requireSVGName(plot)
            let loaded = SpecLoader.load(path: spec)
            Output.report(loaded.diagnostics)
            guard let architecture = loaded.spec else { throw CommandFailure.reported }
            let profiles = try hardwareList.map { reference throws(CommandFailure) in try reference.resolve() }
            let profile = profiles[0]
            let request = makeRequest(specDType: architecture.dtype)
            let fits: Bool
            do {
                if profiles.count > 1 || bestDtype {
                    fits = try runReverse(architecture, profiles: profiles, request: request)
                    if !fits { throw CommandFailure.no }
                    return
                }
                if let sweep {
                    let results = try sweep.run(architecture, on: profile, request: request)
                    try output.emit(format.render(sweep: sweep, results: results))
                    if let plot { try Output.emit(SweepChart.svg(sweep: sweep, results: results), to: plot) }
                    return
                }
                let result = try Sizer.size(architecture, on: profile, request: request)
                try output.emit(format.render(.single(result, calibration: try calibrationEstimate(result, spec: architecture),
                                                      scales: scales ? ScaleOverhead.report(architecture, result: result) : nil))
                                + (explain ? format.renderBasis(result) : ""))
                if let plot {
                    let curves = try MemoryCurves.compute(architecture, on: profile, request: request, result: result)
                    try Output.emit(SizingChart.svg(result: result, curves: curves), to: plot)
                }
                fits = result.fits
            } catch let error as SizingError {
                throw CommandFailure(.failure, lines: ["\(Escaping.lineStart(spec, limit: 1000)): error: \(error.description)"])
            }
            if !fits { throw CommandFailure.no }
        }

        /// The sizing request from the flags (all parsed and checked at parse time).
        func makeRequest(specDType: DType) -> SizingRequest {
            var weights: WeightQuantization?
            if workload.dtype != nil || groupSize != nil || weightScales != nil || quantizeEmbeddings {
                weights = WeightQuantization(dtype: workload.dtype ?? specDType,
                                             granularity: weightScales ?? groupSize.map { .perGroup($0) },
                                             quantizeEmbeddings: quantizeEmbeddings)
            }
            let kv = workload.kvDtype.map { KVQuantization(dtype: $0, granularity: kvScales) }
            return SizingRequest(
                context: workload.context?.value, batch: workload.batch, devices: devices, tp: tp, pp: pp, weights: weights,
                kv: kv, computeDType: computeDtype, prefillChunk: prefillChunk, reserve: reserve, anyDeviceCount: anyCount,
                timing: timing, kvAccounting: kvAccounting, ep: ep, allReduce: allReduce, dp: dp)
        }
    }
}

extension TimingModel: EnumArgument {}
