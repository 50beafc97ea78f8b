import ArchSpec
import ArgumentParser

extension Archcalc {
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rules",
            abstract: "List the lint rules, or explain one with its examples.",
            discussion: "An unknown rule is a usage error.\n\n" + ExitStatus.help(success: "success", no: nil))

        @Argument(help: "A rule code or name to explain (AC103, heads-not-divisible-by-kv-heads).",
                  completion: .custom { _, _, prefix in RuleCatalog.descriptions.map(\.code).filter { $0.hasPrefix(prefix.uppercased()) } })
        var rule: String?

        @Option(help: "Output format: \(RulesFormat.choices). markdown without a rule is the source of docs/rules.md.")
        var format: RulesFormat = .text

        @Flag(help: .hidden)
        var markdown = false

        @OptionGroup var output: OutputOptions

        func run() throws {
            let format = markdown ? .markdown : format
            guard let rule else { return try output.emit(format.render(.catalog)) }
            guard let description = RuleCatalog.description(for: rule) else {
                let hint = RuleCatalog.suggestion(for: rule).map { "; did you mean \($0)?" } ?? ""
                throw ValidationError("unknown rule '\(Escaping.short(rule))'\(hint)")
            }
            try output.emit(format.render(.rule(description)))
        }
    }
}
