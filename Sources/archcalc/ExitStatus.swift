import ArgumentParser

/// The process exit status: one meaning per value, the same in every command.
///
/// `0` the command did what was asked and the answer is "yes" (or there is no yes/no question); `1` the answer
/// is "no" (the configuration does not fit, lint found problems at or above the failure threshold); `2` a
/// usage, configuration or I/O error (a bad flag, a spec or profile that cannot be loaded, an output that
/// cannot be written). Every command's `--help` states this through `discussion(_:one:)`.
enum ExitStatus: Int32, CaseIterable {
    case success = 0
    case no = 1
    case failure = 2

    /// argument-parser's code for this status (commands throw it to end with the status).
    var code: ExitCode { ExitCode(rawValue) }

    /// What status 2 means, the same sentence in every command.
    static let failureMeaning = "a usage, configuration or I/O error (a bad flag, a spec or profile that cannot be "
        + "loaded, an output that cannot be written)"

    /// The exit-code paragraph that ends every command's help.
    ///
    /// - Parameters:
    ///   - success: What status 0 means for this command.
    ///   - no: What status 1 means for this command, or `nil` when the command never answers "no".
    static func help(success: String, no: String?) -> String {
        "Exit codes: 0 \(success); " + (no.map { "1 \($0); " } ?? "") + "2 \(failureMeaning)."
    }
}

/// A command's outcome other than success: the lines to print on standard error, then the exit status.
///
/// Commands throw it; `Archcalc.main` prints it (through `Output.error`, the one error path) and exits.
struct CommandFailure: Error {
    var status: ExitStatus
    var lines: [String]

    /// Exit with `status` after whatever was already printed.
    init(_ status: ExitStatus, lines: [String] = []) {
        self.status = status
        self.lines = lines
    }

    /// An error message (`error: ...`) and status 2.
    static func error(_ message: String) -> CommandFailure {
        CommandFailure(.failure, lines: ["error: \(message)"])
    }

    /// The answer is "no" (status 1), already reported.
    static let no = CommandFailure(.no)

    /// A usage, configuration or I/O error already reported (status 2).
    static let reported = CommandFailure(.failure)
}
