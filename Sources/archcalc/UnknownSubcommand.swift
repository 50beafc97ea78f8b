import ArchSpec
import ArgumentParser

/// A misspelt subcommand (`archcalc estmate`, `archcalc hardware lst`), caught before argument-parser reports
/// it as unexpected arguments, with the nearest subcommand suggested.
enum UnknownSubcommand {
    /// The usage error for the first word of `arguments` that should name a subcommand and names none, or `nil`.
    static func find(in arguments: [String], root: ParsableCommand.Type) -> UsageError? {
        var command = root
        var rest = arguments[...]
        while let word = rest.first, !command.configuration.subcommands.isEmpty {
            if word.hasPrefix("-") { return nil }
            let children = command.configuration.subcommands
            if let child = children.first(where: { $0.configuration.commandName == word }) {
                command = child
                rest = rest.dropFirst()
                continue
            }
            if word == "help" { return nil }  // argument-parser's own help subcommand
            let names = children.compactMap { $0.configuration.commandName }
            let hint = EditDistance.nearest(to: word, among: names).map { "; did you mean '\($0)'?" } ?? ""
            return UsageError(message: "unknown command '\(word)'\(hint)", command: command)
        }
        return nil
    }
}
