import ArchSpec
import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `archcalc` command: what a transformer architecture costs.
@main
struct Archcalc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archcalc",
        abstract: "Parameters, FLOPs, KV cache and memory of transformer architectures.",
        discussion: ExitStatus.help(
            success: "success", no: "the answer is no: a configuration does not fit (size), or lint found problems at or above the failure threshold"),
        version: ArchcalcVersion.description,
        subcommands: [
            Estimate.self,
            Schema.self,
            Convert.self,
            Compare.self,
            Size.self,
            Hardware.self,
            Lint.self,
            Rules.self,
            Calibrate.self,
            Validate.self,
        ]
    )

    /// Parses, runs, and maps every outcome to one exit status (`ExitStatus`), printing errors in one place.
    static func main() {
        PeakMemory.reportAtExitIfRequested()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let unknown = UnknownSubcommand.find(in: arguments, root: Archcalc.self) { exitWithUsage(unknown) }
        let command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            exitAfterParsing(error)
        }
        do {
            var command = command
            try command.run()
        } catch {
            exitAfterRunning(error, command: type(of: command))
        }
        systemExit(ExitStatus.success.rawValue)
    }

    /// A parse error (argument-parser's message and the usage of the subcommand it was parsing), help or
    /// version: help and version go to standard output with status 0, errors to standard error with status 2.
    static func exitAfterParsing(_ error: Error) -> Never {
        let code = exitCode(for: error)
        if code == .success { exit(withError: error) }
        Output.errorBlock(escapedMessage(for: error))
        systemExit(ExitStatus.failure.rawValue)
    }

    /// An error out of `run()`: a `CommandFailure` prints its lines and exits with its status; a
    /// `ValidationError` prints with the running subcommand's usage (status 2); help and version requests
    /// (argument-parser runs them as commands) print and exit 0; anything else is status 2.
    static func exitAfterRunning(_ error: Error, command: ParsableCommand.Type) -> Never {
        switch error {
        case let failure as CommandFailure:
            for line in failure.lines { Output.error(line) }
            systemExit(failure.status.rawValue)
        case let code as ExitCode:
            systemExit(code.rawValue)
        case let validation as ValidationError:
            exitWithUsage(UsageError(message: validation.message, command: command))
        default:
            exitAfterParsing(error)  // help and version (argument-parser's own commands), or another error
        }
    }

    /// An error message, the usage of the command it concerns and where to read more; status 2.
    static func exitWithUsage(_ error: UsageError) -> Never {
        let path = commandPath(to: error.command)
        let usage = usageString(for: error.command)
        Output.errorBlock("Error: \(Escaping.terminal(error.message))\nUsage: \(usage)\n  See '\(path) --help' for more information.")
        systemExit(ExitStatus.failure.rawValue)
    }

    /// `archcalc`, `archcalc size` or `archcalc hardware show`: the words that run `command`.
    static func commandPath(to command: ParsableCommand.Type) -> String {
        func search(_ node: ParsableCommand.Type, _ path: [String]) -> [String]? {
            let path = path + [node.configuration.commandName ?? ""]
            if node == command { return path }
            for child in node.configuration.subcommands {
                if let found = search(child, path) { return found }
            }
            return nil
        }
        return (search(Archcalc.self, []) ?? ["archcalc"]).joined(separator: " ")
    }
}

/// A usage error found outside argument-parser: the message and the command whose usage to print.
struct UsageError {
    var message: String
    var command: ParsableCommand.Type
}

extension Archcalc {
    /// argument-parser's message with usage, its first line (which quotes the offending argument) escaped
    /// whole, so a line break in an argument stays on that line; `Output.errorBlock` guards the rest.
    static func escapedMessage(for error: Error) -> String {
        var full = fullMessage(for: error)
        let message = message(for: error)
        guard !message.isEmpty, let range = full.firstRange(of: message) else { return full }
        full.replaceSubrange(range, with: Escaping.terminal(message))
        return full
    }
}

/// Ends the process with `status` after flushing standard output.
func systemExit(_ status: Int32) -> Never {
    fflush(nil)
    #if canImport(Glibc)
    Glibc.exit(status)
    #else
    Darwin.exit(status)
    #endif
}
