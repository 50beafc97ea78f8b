import ArchSpec
import ArgumentParser

extension SizingFormat: ExpressibleByArgument {}
extension KVAccounting: ExpressibleByArgument {}

extension Archcalc {
    struct Size: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Will a model run on that hardware: memory per device, devices needed, max batch and context, latency.",
            discussion: """
                Memory per device is weights (sharded by --tp and --pp; K/V heads replicate when tp exceeds \
                kv_heads), KV cache, the activations of one prefill chunk, and a runtime reserve (the profile's, \
                10% by default; with --kv-accounting vllm, sglang or llamacpp, that engine's KV allocation and \
                runtime-overhead model). Without --gpus the smallest power-of-two device count that fits is chosen and \
                the smaller ones are listed with why they fail. Latency is a roofline per phase: \
                max(compute, memory) + communication, with the profile's efficiency factors (defaults: compute \
                0.70, memory 0.80, communication 0.75); the datasheet-only figure is printed too. \
                Reverse queries: several --hardware devices print one row per device; --best-dtype finds the \
                most precise weight and KV dtypes that fit. --explain gives each number's formula, sources, \
                evidence and error band. docs/sizing.md gives every formula.

                Exit codes: 0 the configuration fits (or a sweep ran; with several devices or --best-dtype, \
                something fits); 1 it does not fit; 2 a usage error or a \
                spec or hardware file that cannot be read.
                """)

        @Argument(help: "Spec file: archspec YAML or Hugging Face config.json.")
        var spec: String

        @Option(help: "Hardware: a built-in id (archcalc hardware list) or a profile YAML file. Several (h100-sxm,h200,l40s or the option repeated): one row per device, each at the smallest count that fits.")
        var hardware: [String]

        @Option(name: .customLong("gpus"), help: "Devices in total. Default: the smallest count that fits.")
        var devices: Int?

        @Option(help: "Tensor-parallel degree. Default: chosen.")
        var tp: Int?

        @Option(help: "Pipeline-parallel degree. Default: chosen.")
        var pp: Int?

        @Option(help: "Tokens per sequence (4096, 8k, 128k). Default: the spec's context_length.")
        var context: String?

        @Option(help: "Sequences served together.")
        var batch: Int = 1

        @Option(help: "Weight dtype: fp32, bf16, fp16, fp8, int8 or int4. Default: the spec's dtype.")
        var weightsDtype: DType?

        @Option(help: "Quantisation group size along each row (scales and zero points are counted). Default for int4: 128.")
        var groupSize: Int?

        @Option(help: "Weight scale granularity: per-tensor, per-channel or per-group-N (overrides --group-size).")
        var weightScales: String?

        @Flag(help: "Quantise the embedding and lm_head too (default: they stay 16-bit).")
        var quantizeEmbeddings = false

        @Option(help: "KV-cache dtype (fp8 and int8 are common). Default: the 16-bit weight dtype.")
        var kvDtype: DType?

        @Option(help: "KV scale granularity: per-layer, per-head, per-token or per-group-N. Default: per-layer.")
        var kvScales: String?

        @Option(help: "Dtype the matmuls run in. Default: fp8 for fp8 weights on devices with fp8, else 16-bit.")
        var computeDtype: DType?

        @Option(help: "Largest prefill step in tokens (chunked prefill); sizes the activation workspace.")
        var prefillChunk: Int = SizingRequest.defaultPrefillChunk

        @Option(help: "Runtime reserve per device: a fraction (0.1, 10%) or bytes (2GiB). Default: the profile's.")
        var reserve: String?

        @Option(help: "KV-cache allocation: \(KVAccounting.names). An engine also replaces the flat reserve with its runtime-overhead model (unless --reserve is given); docs/sizing.md cites each engine's code.")
        var kvAccounting: KVAccounting = .ideal

        @Flag(help: "Try every device count, not only powers of two.")
        var anyCount = false

        @Option(help: "Timing model: step (kernel by kernel, efficiency curves and fixed costs; default) or roofline (one roofline per phase with flat 0.70 compute / 0.80 memory factors).")
        var timing: TimingModel = .step

        @Option(help: "Sweep a range and print a table: context=1k..128k, batch=1..256, context=1k..128k:64 (64 points), batch=1..512+8 (steps of 8); at most \(Sweep.maxPoints) points (\(Sweep.maxPointsAnyDeviceCount) with --any-count).")
        var sweep: String?

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

        @Option(help: "A profile from archcalc calibrate --spec SPEC: also give prefill and decode from its measured step surface for this host, each figure naming the model that produced it (not with --sweep).")
        var calibration: String?

        func validate() throws {
            if hardwareList.isEmpty { throw ValidationError("--hardware: name at least one device") }
            if hardwareList.count > 64 { throw ValidationError("--hardware: at most 64 devices, got \(hardwareList.count)") }
            if hardwareList.count > 1 || bestDtype {
                let name = bestDtype ? "--best-dtype" : "several --hardware devices"
                for (flag, set) in [("--sweep", sweep != nil), ("--plot", plot != nil), ("--calibration", calibration != nil),
                                    ("--scales", scales), ("--explain", explain && !bestDtype)] where set {
                    throw ValidationError("\(name) cannot be combined with \(flag)")
                }
                if bestDtype && hardwareList.count > 1 { throw ValidationError("--best-dtype takes one --hardware device") }
                if bestDtype && (weightsDtype != nil || kvDtype != nil) {
                    throw ValidationError("--best-dtype chooses the dtypes: drop --weights-dtype and --kv-dtype")
                }
            }
            if let sweep {
                do { _ = try Sweep.parse(sweep, maxPoints: Sweep.maxPoints(anyDeviceCount: anyCount)) } catch { throw ValidationError("--sweep: \(error.description)") }
            }
        }

        func run() throws {
            try Output.refuseOverwriting(outputs: [plot], inputs: [spec] + hardwareList + (calibration.map { [$0] } ?? []))
            if let plot, plot != "-", !plot.lowercased().hasSuffix(".svg") {
                throw ValidationError("--plot writes SVG: name a .svg file, got '\(Escaping.short(plot))' "
                                      + "(convert it afterwards, for example rsvg-convert -o chart.png chart.svg)")
            }
            let loaded = SpecLoader.load(path: spec)
            Output.report(loaded.diagnostics)
            guard let architecture = loaded.spec else { throw ExitCode(2) }
            let profiles = try resolveHardware()
            let profile = profiles[0]
            let request = try makeRequest(specDType: architecture.dtype)
            do {
                if profiles.count > 1 || bestDtype {
                    try runReverse(architecture, profiles: profiles, request: request)
                    return
                }
                if let sweep {
                    let plan = try Sweep.parse(sweep, maxPoints: Sweep.maxPoints(anyDeviceCount: anyCount))
                    let results = try plan.run(architecture, on: profile, request: request)
                    Output.write(format.render(sweep: plan, results: results))
                    if let plot { try Output.emit(SweepChart.svg(sweep: plan, results: results), to: plot) }
                    return
                }
                let result = try Sizer.size(architecture, on: profile, request: request)
                Output.write(format.render(.single(result, calibration: try calibrationEstimate(result, spec: architecture),
                                                   scales: scales ? ScaleOverhead.report(architecture, result: result) : nil)))
                if explain { Output.write(format.renderBasis(result)) }
                if let plot {
                    let curves = try MemoryCurves.compute(architecture, on: profile, request: request, result: result)
                    try Output.emit(SizingChart.svg(result: result, curves: curves), to: plot)
                }
                if !result.fits { throw ExitCode(1) }
            } catch let error as SizingError {
                Output.error("\(Escaping.lineStart(spec, limit: 1000)): error: \(error.description)")
                throw ExitCode(2)
            }
        }

        func makeRequest(specDType: DType) throws -> SizingRequest {
            var contextValue: Int?
            if let context {
                guard let parsed = Sweep.size(context), parsed >= 1 else {
                    throw ValidationError("--context must be a positive token count such as 4096 or 128k, got '\(Escaping.short(context))'")
                }
                contextValue = parsed
            }
            var weights: WeightQuantization?
            if weightsDtype != nil || groupSize != nil || weightScales != nil || quantizeEmbeddings {
                var granularity: ScaleGranularity? = groupSize.map { .perGroup($0) }
                if let groupSize, groupSize < 1 { throw ValidationError("--group-size must be at least 1, got \(groupSize)") }
                if let weightScales {
                    guard let parsed = ScaleGranularity.parse(weightScales) else {
                        throw ValidationError("--weight-scales '\(Escaping.short(weightScales))': use per-tensor, per-channel or per-group-N")
                    }
                    granularity = parsed
                }
                weights = WeightQuantization(dtype: weightsDtype ?? specDType, granularity: granularity,
                                             quantizeEmbeddings: quantizeEmbeddings)
            }
            var kv: KVQuantization?
            if let kvDtype {
                var granularity: ScaleGranularity?
                if let kvScales {
                    guard let parsed = ScaleGranularity.parse(kvScales) else {
                        throw ValidationError("--kv-scales '\(Escaping.short(kvScales))': use per-layer, per-head, per-token or per-group-N")
                    }
                    granularity = parsed
                }
                kv = KVQuantization(dtype: kvDtype, granularity: granularity)
            }
            var reserveValue: Reserve?
            if let reserve {
                guard let parsed = Reserve.parse(reserve) else {
                    throw ValidationError("--reserve '\(Escaping.short(reserve))': use a fraction (0.1 or 10%) or bytes (2GiB)")
                }
                reserveValue = parsed
            }
            return SizingRequest(
                context: contextValue, batch: batch, devices: devices, tp: tp, pp: pp, weights: weights, kv: kv,
                computeDType: computeDtype, prefillChunk: prefillChunk, reserve: reserveValue, anyDeviceCount: anyCount,
                timing: timing, kvAccounting: kvAccounting)
        }
    }
}

extension TimingModel: ExpressibleByArgument {}
