import ArchSpec
import ArgumentParser

extension Archcalc {
    struct Estimate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "estimate",
            abstract: "Parameters, weight and KV-cache bytes, and prefill and decode FLOPs of each spec.",
            discussion: """
                Each SPEC is an archspec YAML file, a Hugging Face config.json (- reads standard input) or a \
                checkpoint: a .safetensors file, a model.safetensors.index.json, a checkpoint directory \
                (config.json and shards) or a .gguf file, detected by content. Checkpoints are read from their \
                headers only and reported with exact counts per tensor group and dtype (docs/checkpoints.md). \
                FLOPs count matrix multiplies only, 2 per multiply-add; docs/cost-model.md gives every formula.

                A spec that cannot be loaded or estimated is reported on standard error and the others are \
                still reported.

                """ + "\n" + ExitStatus.help(success: "every spec was estimated", no: nil))

        @Argument(help: "Spec files (archspec YAML, Hugging Face config.json; - for standard input) or checkpoints (.safetensors, safetensors index, checkpoint directory, .gguf).",
                  completion: specCompletion)
        var specs: [String]

        @OptionGroup(title: "Workload") var workload: WorkloadOptions
        @OptionGroup(title: "Counting conventions") var conventions: ConventionOptions

        // Optional underneath, its default stated in the help (start-up: see ConventionOptions).
        @Option(name: .customLong("format"),
                help: "Output format: \(EstimateFormat.choices); with --prune-heads \(PruneHeadsFormat.choices). Default: text.")
        var formatValue: EstimateFormat?

        var format: EstimateFormat { formatValue ?? .text }

        @Flag(help: "Add a column with each formula's exact integer to the text output.")
        var exact = false

        @OptionGroup var output: OutputOptions

        @Option(help: "Remove this share (30%) or number (8) of attention heads per layer and report the cost against the unpruned model; heads are removed evenly from every KV group (docs/cost-model.md).")
        var pruneHeads: HeadPruning.Request?

        func validate() throws {
            if specs.isEmpty { throw ValidationError("name at least one spec file") }
            if pruneHeads != nil, PruneHeadsFormat(rawValue: format.rawValue) == nil {
                throw ValidationError("--prune-heads reports a comparison: use --format \(PruneHeadsFormat.choices)")
            }
        }

        func run() throws {
            try Output.refuseOverwriting(outputs: [output.output], inputs: specs)
            let options = conventions.costOptions(workload)
            if let pruneHeads, let format = PruneHeadsFormat(rawValue: format.rawValue) {
                let run = HeadPruningRun.run(paths: specs, request: pruneHeads, options: options)
                Output.report(run.diagnostics)
                if !run.items.isEmpty || format == .json {
                    try output.emit(format.render(run, RenderOptions(exact: exact)))
                }
                if run.failed { throw CommandFailure.reported }
                return
            }
            let run = Estimator.run(paths: specs, options: options)
            Output.report(run.diagnostics)
            if !run.reports.isEmpty || !run.unrecovered.isEmpty || format == .json {
                try output.emit(format.render(run, RenderOptions(exact: exact)))
            }
            if run.failed { throw CommandFailure.reported }
        }
    }
}
