import ArchSpec
import ArgumentParser

extension ServingFormat: EnumArgument {}

extension Archcalc {
    struct Recommend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "recommend",
            abstract: "The smallest deployment that serves a workload within TTFT and TPOT targets.",
            discussion: """
                Searches device kinds (--hardware, repeatable), weight dtypes, tensor- and pipeline-parallel \
                degrees and chunked-prefill sizes; for each, the fewest replicas whose steady state meets the \
                targets (bisection, never an enumeration of the budget). Continuous batching is modelled \
                analytically: Little's law for the decoding concurrency, mixed-batch step times from the sizing step \
                model (step by default, as size), an M/G/1 prefill queue for TTFT. Prints the smallest deployment, the smaller ones that \
                fail and why, and the Pareto frontier of tokens/s per device against tokens/s per user. \
                docs/serving.md states every assumption.

                """ + "\n" + ExitStatus.help(success: "a deployment meets the targets",
                                              no: "none does (the output says why)"))

        @Argument(help: "Spec file: archspec YAML or Hugging Face config.json.", completion: specCompletion)
        var spec: String

        @Option(help: "Hardware candidate: a built-in id (archcalc hardware list) or a profile YAML file; repeat or separate with commas.",
                completion: HardwareReference.defaultCompletionKind,
                transform: { try $0.split(separator: ",").map { try HardwareReference(parsing: String($0)) } })
        var hardware: [[HardwareReference]] = []

        @Option(name: [.customLong("rate"), .customLong("request-rate")], help: "Requests per second, all replicas together (Poisson arrivals).",
                transform: { try ServingArguments.rate($0) })
        var rate: Double

        @Option(help: "Prompt tokens per request: 2048, 2k, normal:MEAN,SD, uniform:LOW..HIGH or lognormal:MEDIAN,SIGMA.",
                transform: { try LengthDistribution.parse($0) })
        var inputLen: LengthDistribution

        @Option(help: "Output tokens per request, in the same forms as --input-len.",
                transform: { try LengthDistribution.parse($0) })
        var outputLen: LengthDistribution

        @Option(help: "Share of prompt tokens served from the prefix cache: 0.3 or 30%. (default: 0)",
                transform: { try ServingArguments.share($0) })
        var prefixHit: Double?

        @Option(help: "Median time-to-first-token target: 1s, 500ms.", transform: { try ServingArguments.duration($0) })
        var ttftP50: Double?

        @Option(help: "90th-percentile time-to-first-token target.", transform: { try ServingArguments.duration($0) })
        var ttftP90: Double?

        @Option(help: "Median time-per-output-token target: 20ms.", transform: { try ServingArguments.duration($0) })
        var tpotP50: Double?

        @Option(help: "90th-percentile time-per-output-token target.", transform: { try ServingArguments.duration($0) })
        var tpotP90: Double?

        @Option(name: [.customLong("dtype"), .customLong("weights-dtype")], help: "Weight dtypes to try, comma-separated (bf16,fp8). Default: the spec's.",
                transform: { try Recommend.dtypes($0) })
        var dtype: [DType]?

        @Option(help: "KV-cache dtype. Default: the 16-bit weight dtype.")
        var kvDtype: DType?

        @Option(help: "Tensor-parallel degrees to try: 1,2,4,8 or 1..8 (doubling). (default: 1..8)",
                transform: { try ServingArguments.integers($0, name: "tp", limit: 1024) })
        var tp: [Int]?

        @Option(help: "Pipeline-parallel degrees to try, as --tp. (default: 1, widened 2, 4, ... up to the first degree that holds the weights plus one doubling, for a device and dtype on which no --tp layout holds them; a given list is never widened)",
                transform: { try ServingArguments.integers($0, name: "pp", limit: 1024) })
        var pp: [Int]?

        @Option(help: "Expert-parallel degrees to try, as --tp; each pairs with the --tp values it divides (routed experts only), priced with two all-to-alls per MoE layer as in size. (default: 1)",
                transform: { try ServingArguments.integers($0, name: "ep", limit: 1024) })
        var ep: [Int]?

        @Option(help: "Attention data-parallel degrees to try, as --tp (models with routed experts only): each dp above 1 pairs with every --tp and --pp as a wide expert-parallel replica (attention and dense layers data-parallel over dp, routed experts over ep = dp x tp ranks, all-to-all over RDMA past a node), as size --dp. (default: 1, widened as --pp when no layout holds the weights; a given list is never widened)",
                transform: { try ServingArguments.integers($0, name: "dp", limit: 1024) })
        var dp: [Int]?

        @Option(help: "Chunked-prefill sizes to try, tokens per step, as --tp (512..8k). (default: 512..8k)",
                transform: { try ServingArguments.integers($0, name: "chunk", limit: 1 << 24) })
        var chunk: [Int]?

        @Option(name: .customLong("max-gpus"), help: "The most devices a deployment may use, all replicas together.")
        var maxGpus: Int = 1024

        @Option(help: "aggregated (prefill and decode share replicas), disaggregated (prefill and decode pools, KV sent between them) or both.")
        var mode: ModeChoice = .aggregated

        @Option(help: "Bandwidth per device for sending KV from prefill to decode replicas (disaggregated): 50GB/s, 400Gb/s. Default: 50 GB/s.",
                transform: { try ServingArguments.bandwidth($0) })
        var kvTransferBandwidth: Double?

        @Option(help: "Dollars per device-hour, for $/1M output tokens: 2.5 for every kind or h100-sxm=2.5; repeatable.",
                transform: { try ServingArguments.price($0) })
        var price: [(id: String, dollars: Double)] = []

        @Option(help: "Timing model: step (kernel by kernel, as size; default) or roofline (one roofline per step with flat efficiency factors).")
        var timing: TimingModel = .step

        @Option(name: .customLong("allreduce"), help: "All-reduce on NVLink: \(AllReduceImplementation.names) (NCCL's small-message latency, 16.84 us against the custom kernel's 4.3 us). Default: the profile's, custom.")
        var allReduce: AllReduceImplementation?

        @Option(help: "Output format: text or json.")
        var format: ServingFormat = .text

        @Option(help: "Write the Pareto frontier as an SVG chart to this .svg file.")
        var plot: String?

        @OptionGroup var output: OutputOptions

        enum ModeChoice: String, EnumArgument {
            case aggregated, disaggregated, both
            var modes: [ServingMode] {
                switch self {
                case .aggregated: [.aggregated]
                case .disaggregated: [.disaggregated]
                case .both: [.aggregated, .disaggregated]
                }
            }
        }

        func run() throws {
            let references = hardware.flatMap { $0 }
            try Output.refuseOverwriting(outputs: [output.output, plot], inputs: [spec] + references.compactMap(\.path))
            try Output.requireSVGName(plot)
            let loaded = SpecLoader.load(path: spec)
            Output.report(loaded.diagnostics)
            guard let architecture = loaded.spec else { throw CommandFailure.reported }
            var candidates: [HardwareProfile] = []
            for reference in references { candidates.append(try reference.resolve()) }
            let plan: ServingPlan
            do throws(ServingError) {
                plan = try ServingPlanner.plan(architecture, workload: workload(), targets: targets(),
                                               request: request(candidates))
            } catch {
                throw CommandFailure(.failure, lines: [
                    "\(Escaping.lineStart(spec, limit: 1000)): error: \(Escaping.terminal(error.description))"])
            }
            try output.emit(format.render(plan))
            if let plot { try Output.emit(ServingChart.svg(plan), to: plot) }
            if plan.best == nil { throw CommandFailure.no }
        }

        /// `bf16,fp8`: each a weight dtype, in order, without repeats.
        static func dtypes(_ text: String) throws -> [DType] {
            var dtypes: [DType] = []
            for name in text.split(separator: ",") {
                let word = String(name.filter { $0 != " " && $0 != "\t" }).lowercased()
                guard let parsed = DType(rawValue: word) else {
                    throw ValidationError("--dtype '\(Escaping.short(String(name)))': use fp32, bf16, fp16, fp8, int8 or int4")
                }
                if !dtypes.contains(parsed) { dtypes.append(parsed) }
            }
            return dtypes
        }

        func workload() -> ServingWorkload {
            ServingWorkload(requestRate: rate, input: inputLen, output: outputLen, prefixHitRate: prefixHit ?? 0)
        }

        func targets() -> ServingTargets {
            ServingTargets(ttftP50: ttftP50, ttftP90: ttftP90, tpotP50: tpotP50, tpotP90: tpotP90)
        }

        func request(_ candidates: [HardwareProfile]) -> ServingRequest {
            var prices: [String: Double] = [:]
            for entry in price { prices[entry.id] = entry.dollars }
            return ServingRequest(
                candidates: candidates, weightDTypes: dtype ?? [], kvDType: kvDtype,
                tp: tp ?? [1, 2, 4, 8], pp: pp ?? [1], chunks: chunk ?? [512, 1024, 2048, 4096, 8192],
                gpuBudget: maxGpus, modes: mode.modes, kvTransferBandwidth: kvTransferBandwidth,
                pricePerDeviceHour: prices, timing: timing, ep: ep ?? ServingRequest.defaultEP, allReduce: allReduce,
                dp: dp ?? ServingRequest.defaultDP, widenPP: pp == nil, widenDP: dp == nil)
        }
    }
}
