import ArchSpec
import ArgumentParser

/// Output formats of `archcalc compare` and of `estimate --prune-heads`.
enum ComparisonFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json, markdown

    func render(_ comparison: Comparison, exact: Bool) -> String {
        switch self {
        case .text: ComparisonRenderer.text(comparison, exact: exact)
        case .json: ComparisonRenderer.json(comparison)
        case .markdown: ComparisonRenderer.markdown(comparison)
        }
    }
}

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

        @Option(help: "Output format: text, json or markdown.")
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
            try Output.emit(format.render(comparison, exact: exact), to: output)
        }
    }
}

/// `estimate --prune-heads`: each spec against its pruned version.
enum PruneHeadsReport {
    static func run(specs: [String], request: HeadPruning.Request, options: CostOptions, format: ComparisonFormat,
                    exact: Bool, output: String?) throws {
        let run = PruningEstimator.run(paths: specs, request: request, options: options)
        Output.report(run.diagnostics)
        let text = run.comparisons.map { format.render($0, exact: exact) }.joined(separator: "\n")
        if !text.isEmpty { try Output.emit(text, to: output) }
        if run.failed { throw ExitCode(1) }
    }
}

extension HeadPruning.Request: ExpressibleByArgument {}
