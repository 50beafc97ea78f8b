import ArchSpec
import ArgumentParser

extension Archcalc {
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the JSON Schema of the archspec format, for editors such as yaml-language-server.",
            discussion: """
                Save it and point your editor at it, or add this first line to a spec: \
                # yaml-language-server: $schema=<path or URL of archspec.schema.json>
                """)

        func run() throws {
            Output.write(JSONSchemaGenerator.schema().rendered() + "\n")
        }
    }
}
