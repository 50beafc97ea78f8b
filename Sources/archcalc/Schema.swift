import ArchSpec
import ArgumentParser

extension Archcalc {
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schema",
            abstract: "Print the JSON Schema of the archspec format, for editors such as yaml-language-server.",
            discussion: """
                Save it and point your editor at it, or add this first line to a spec: \
                # yaml-language-server: $schema=<path or URL of archspec.schema.json>

                """ + "\n" + ExitStatus.help(success: "success", no: nil))

        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.emit(JSONSchemaGenerator.schema().rendered() + "\n")
        }
    }
}
