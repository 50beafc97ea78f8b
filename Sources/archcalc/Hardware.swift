import ArchSpec
import ArgumentParser

extension Archcalc {
    struct Hardware: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hardware",
            abstract: "List the built-in hardware profiles or show one with every figure's source.",
            discussion: """
                Profiles give memory, memory bandwidth, dense peak FLOP/s per dtype, interconnect bandwidth and \
                efficiency factors. Write your own in the same schema (docs/hardware.md) and pass the file to \
                --hardware; 'archcalc hardware show ID --format yaml' prints a template.

                """ + "\n" + ExitStatus.help(success: "success", no: nil),
            subcommands: [HardwareList.self, HardwareShow.self])
    }

    struct HardwareList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the built-in hardware profiles.",
            discussion: ExitStatus.help(success: "success", no: nil))

        @Option(help: "Output format: \(HardwareFormat.choices) (yaml: one profile file per device, separated by ---).")
        var format: HardwareFormat = .text

        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.emit(format.render(.list(HardwareCatalog.all)))
        }
    }

    struct HardwareShow: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show one profile (built-in id or YAML file) with the source of every figure.",
            discussion: ExitStatus.help(success: "success", no: nil))

        @Argument(help: "A built-in id (see 'archcalc hardware list') or a profile YAML file.",
                  completion: HardwareReference.defaultCompletionKind, transform: { try HardwareReference(parsing: $0) })
        var hardware: HardwareReference

        @Option(help: "Output format: \(HardwareFormat.choices) (yaml: the file schema).")
        var format: HardwareFormat = .text

        @OptionGroup var output: OutputOptions

        func run() throws {
            try Output.refuseOverwriting(outputs: [output.output], inputs: hardware.path.map { [$0] } ?? [])
            try output.emit(format.render(.one(try hardware.resolve())))
        }
    }
}
