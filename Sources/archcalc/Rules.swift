import ArchSpec
import ArgumentParser

extension Archcalc {
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the lint rules, or explain one with its examples.",
            discussion: "Exit codes: 0 success; 2 an unknown rule or a usage error.")

        @Argument(help: "A rule code or name to explain (AC103, heads-not-divisible-by-kv-heads).")
        var rule: String?

        @Flag(help: "Print the whole catalog as Markdown (the source of docs/rules.md).")
        var markdown = false

        func run() throws {
            if markdown { return Output.write(RuleDocs.markdown()) }
            guard let rule else { return Output.write(RuleDocs.list()) }
            guard let description = RuleCatalog.description(for: rule) else {
                let hint = RuleCatalog.suggestion(for: rule).map { "; did you mean \($0)?" } ?? ""
                throw ValidationError("unknown rule '\(Escaping.short(rule))'\(hint)")
            }
            Output.write(RuleDocs.explain(description))
        }
    }
}
