import ArchSpec
import ArgumentParser

extension Archcalc {
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Estimates of several specs side by side, with each one's difference from the first.",
            discussion: """
                Compares parameters (total and active), weight bytes, KV cache per token and at the context, \
                and prefill and decode FLOPs, for example MHA, GQA and MQA versions of one model. The first \
                SPEC is the baseline. Every spec is estimated at one workload: --context, or else the smallest \
                context_length among the specs (stated in every format); a spec whose context_length is below \
                --context gets a warning (positions past it are untrained; lint calls it AC501).

                Exit codes: 0 compared; 1 a spec could not be loaded or estimated; 2 a usage error.
                """)

        @Argument(help: "Two or more spec files (archspec YAML or Hugging Face config.json); the first is the baseline.")
        var specs: [String]

        @OptionGroup var workload: WorkloadOptions

        @Option(help: "Output format: \(ComparisonFormat.choices).")
        var format: ComparisonFormat = .text

        @Flag(help: "Show exact integers and absolute differences instead of human units.")
        var exact = false

        @Option(name: .shortAndLong, help: "Write the comparison to this file (atomically) instead of standard output.")
        var output: String?

        func validate() throws {
            if specs.count < 2 { throw ValidationError("name at least two spec files to compare") }
        }

        func run() throws {
            try Output.refuseOverwriting(outputs: [output], inputs: specs)
            let run = Comparator.run(paths: specs, options: workload.costOptions)
            Output.report(run.diagnostics)
            guard let comparison = run.comparison else { throw ExitCode(1) }
            try Output.emit(format.render(comparison, RenderOptions(exact: exact)), to: output)
        }
    }
}

extension HeadPruning.Request: ExpressibleByArgument {}
