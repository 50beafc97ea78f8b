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
        discussion: """
            Exit codes: 0 success; 1 a spec could not be estimated or lint found problems at or above the \
            failure threshold; 2 a usage, configuration or I/O error.
            """,
        version: "0.1.0",
        subcommands: [
            Estimate.self,
            Schema.self,
            Convert.self,
            Compare.self,
            Size.self,
            Recommend.self,
            Hardware.self,
            Lint.self,
            Rules.self,
            Calibrate.self,
            Validate.self,
        ]
    )

    /// Runs the command, mapping argument errors to exit code 2 (argument-parser's default is 64).
    static func main() {
        PeakMemory.reportAtExitIfRequested()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            systemExit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            Output.errorBlock(escapedMessage(for: error))
            if code == .validationFailure { Output.error("Run 'archcalc help' for usage.") }
            systemExit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
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
