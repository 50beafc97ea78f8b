import ArchSpec
import ArgumentParser

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

        @Option(help: "Output format: \(HardwareFormat.choices) (yaml: one profile file per device, separated by ---).")
        var format: HardwareFormat = .text

        func run() throws {
            Output.write(format.render(.list(HardwareCatalog.all)))
        }
    }

    struct HardwareShow: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show one profile (built-in id or YAML file) with the source of every figure.")

        @Argument(help: "A built-in id (see 'archcalc hardware list') or a profile YAML file.")
        var hardware: String

        @Option(help: "Output format: \(HardwareFormat.choices) (yaml: the file schema).")
        var format: HardwareFormat = .text

        func run() throws {
            let profile: HardwareProfile
            do {
                profile = try HardwareCatalog.resolve(hardware)
            } catch {
                Output.error("error: \(error.description)")
                throw ExitCode(2)
            }
            Output.write(format.render(.one(profile)))
        }
    }
}
