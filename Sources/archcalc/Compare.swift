import ArchSpec
import ArgumentParser

extension Archcalc {
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare",
            abstract: "Estimates of several specs side by side, with each one's difference from the first.",
            discussion: """
                Compares parameters (total and active), weight bytes, KV cache per token and at the context, \
                and prefill and decode FLOPs, for example MHA, GQA and MQA versions of one model. The first \
                SPEC is the baseline. Every spec is estimated at one workload: --context, or else the smallest \
                context_length among the specs (stated in every format); a spec whose context_length is below \
                --context gets a warning (positions past it are untrained; lint calls it AC501).

                """ + "\n" + ExitStatus.help(success: "compared", no: nil))

        @Argument(help: "Two or more spec files (archspec YAML or Hugging Face config.json); the first is the baseline.",
                  completion: specCompletion)
        var specs: [String]

        @OptionGroup(title: "Workload") var workload: WorkloadOptions
        @OptionGroup(title: "Counting conventions") var conventions: ConventionOptions

        @Option(help: "Output format: \(ComparisonFormat.choices).")
        var format: ComparisonFormat = .text

        @Flag(help: "Show exact integers and absolute differences instead of human units.")
        var exact = false

        @OptionGroup var output: OutputOptions

        func validate() throws {
            if specs.count < 2 { throw ValidationError("name at least two spec files to compare") }
        }

        func run() throws {
            try Output.refuseOverwriting(outputs: [output.output], inputs: specs)
            let run = Comparator.run(paths: specs, options: conventions.costOptions(workload))
            Output.report(run.diagnostics)
            guard let comparison = run.comparison else { throw CommandFailure.reported }
            try output.emit(format.render(comparison, RenderOptions(exact: exact)))
        }
    }
}

extension HeadPruning.Request: ExpressibleByArgument {}
