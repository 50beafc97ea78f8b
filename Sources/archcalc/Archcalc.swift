import ArgumentParser

/// The `archcalc` command: what a transformer architecture costs.
@main
struct Archcalc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archcalc",
        abstract: "Parameters, FLOPs, KV cache and memory of transformer architectures.",
        version: "0.1.0",
        subcommands: [
            Estimate.self,
        ]
    )
}
