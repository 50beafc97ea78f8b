/// A configuration file that cannot be used: reported with its location, and the run exits with code 2.
public struct LintConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var location: SourceLocation?
    public var message: String

    public init(file: String, location: SourceLocation?, message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    /// `path:line:col: error: message`.
    public var description: String {
        Diagnostic(severity: .error, code: .config, message: message, file: file, location: location).oneLine
    }
}
