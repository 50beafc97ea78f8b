import ArgumentParser

extension Archcalc {
    struct Estimate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Estimate the cost of one or more specs.")
        @Argument(help: "Spec files.") var specs: [String] = []
        func run() throws {}
    }
}
