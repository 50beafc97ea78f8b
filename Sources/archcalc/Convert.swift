import ArchSpec
import ArgumentParser

extension Archcalc {
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "convert",
            abstract: "Write a Hugging Face config.json (or an archspec file) as commented archspec YAML.",
            discussion: """
                The input is detected by content: a mapping with a model_type key is read as a transformers \
                config.json. The YAML states every value, with a comment naming the config key it came from or \
                the transformers default applied, and gives the same numbers as the input. Warnings go to \
                standard error.

                """ + "\n" + ExitStatus.help(success: "converted", no: nil))

        @Argument(help: "A transformers config.json or an archspec YAML file; - for standard input.", completion: specCompletion)
        var input: String

        @OptionGroup var output: OutputOptions

        func run() throws {
            try Output.refuseOverwriting(outputs: [output.output], inputs: [input])
            let conversion = SpecConversion.convert(path: input)
            Output.report(conversion.diagnostics)
            guard let yaml = conversion.yaml else { throw CommandFailure.reported }
            try output.emit(yaml)
        }
    }
}
