import ArchSpec
import ArgumentParser
import Foundation

extension Archcalc {
    struct Hardware: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the built-in hardware profiles or show one with every figure's source.",
            discussion: """
                Profiles give memory, memory bandwidth, dense peak FLOP/s per dtype, interconnect bandwidth and \
                efficiency factors. Write your own in the same schema (docs/hardware.md) and pass the file to \
                --hardware; 'archcalc hardware show ID --format yaml' prints a template.
                """,
            subcommands: [HardwareList.self, HardwareShow.self])
    }

    struct HardwareList: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the built-in hardware profiles.")

        @Option(help: "Output format: text, markdown or json.")
        var format: HardwareFormat = .text

        func run() throws {
            switch format {
            case .text, .yaml: Output.write(HardwareReport.listText(HardwareCatalog.all))
            case .markdown: Output.write(HardwareReport.listMarkdown(HardwareCatalog.all))
            case .json: Output.write("[\n" + HardwareCatalog.all.map { HardwareReport.json($0) }
                .map { $0.trimmingCharacters(in: .newlines) }.joined(separator: ",\n") + "\n]\n")
            }
        }
    }

    struct HardwareShow: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show one profile (built-in id or YAML file) with the source of every figure.")

        @Argument(help: "A built-in id (see 'archcalc hardware list') or a profile YAML file.")
        var hardware: String

        @Option(help: "Output format: text, yaml (the file schema) or json.")
        var format: HardwareFormat = .text

        func run() throws {
            let profile: HardwareProfile
            do {
                profile = try HardwareCatalog.resolve(hardware)
            } catch {
                Output.error("error: \(error.description)")
                throw ExitCode(2)
            }
            switch format {
            case .text, .markdown: Output.write(HardwareReport.showText(profile))
            case .yaml: Output.write(HardwareReport.yaml(profile))
            case .json: Output.write(HardwareReport.json(profile))
            }
        }
    }
}

enum HardwareFormat: String, CaseIterable, ExpressibleByArgument {
    case text, markdown, json, yaml
}
