import ArchSpec
import ArgumentParser

extension Archcalc {
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the lint rules, or explain one with its examples.",
            discussion: "Exit codes: 0 success; 2 an unknown rule or a usage error.")

        @Argument(help: "A rule code or name to explain (AC103, heads-not-divisible-by-kv-heads).")
        var rule: String?

        @Option(help: "Output format: \(RulesFormat.choices). markdown without a rule is the source of docs/rules.md.")
        var format: RulesFormat = .text

        @Flag(help: .hidden)
        var markdown = false

        func run() throws {
            let format = markdown ? .markdown : format
            guard let rule else { return Output.write(format.render(.catalog)) }
            guard let description = RuleCatalog.description(for: rule) else {
                let hint = RuleCatalog.suggestion(for: rule).map { "; did you mean \($0)?" } ?? ""
                throw ValidationError("unknown rule '\(Escaping.short(rule))'\(hint)")
            }
            Output.write(format.render(.rule(description)))
        }
    }
}
