import ArchSpec
import ArgumentParser

extension Archcalc {
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a Hugging Face config.json (or an archspec file) as commented archspec YAML.",
            discussion: """
                The input is detected by content: a mapping with a model_type key is read as a transformers \
                config.json. The YAML states every value, with a comment naming the config key it came from or \
                the transformers default applied, and gives the same numbers as the input.

                Exit codes: 0 converted (warnings go to standard error); 1 the input could not be loaded; \
                2 a usage or I/O error.
                """)

        @Argument(help: "A transformers config.json or an archspec YAML file; - for standard input.")
        var input: String

        @Option(name: .shortAndLong, help: "Write the YAML to this file (atomically) instead of standard output.")
        var output: String?

        func run() throws {
            try Output.refuseOverwriting(outputs: [output], inputs: [input])
            let conversion = SpecConversion.convert(path: input)
            Output.report(conversion.diagnostics)
            guard let yaml = conversion.yaml else { throw ExitCode(1) }
            try Output.emit(yaml, to: output)
        }
    }
}
