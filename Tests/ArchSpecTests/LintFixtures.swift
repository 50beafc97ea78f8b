@testable import ArchSpec

/// Paths of the lint fixtures and helpers that lint them.
enum LintFixtures {
    /// The repository root (three levels above this file).
    static let root: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static func path(_ name: String) -> String { "\(root)/Tests/Fixtures/lint/\(name)" }

    static func bytes(_ name: String) throws -> [UInt8] { try FileInput.read(path(name)) }

    /// Lints one fixture, reporting it under its short name.
    static func lint(_ name: String, settings: LintSettings = .default) throws -> FileReport {
        FileLinter.lint(bytes: try bytes(name), file: name, settings: settings, explicit: true)
    }

    /// Lints text, reported as `name`.
    static func lint(text: String, name: String = "spec.yaml", settings: LintSettings = .default, explicit: Bool = true) -> FileReport {
        FileLinter.lint(bytes: Array(text.utf8), file: name, settings: settings, explicit: explicit)
    }

    /// The run the golden files record: opt-13b.yaml and suppressions.yaml.
    static func goldenRun() throws -> LintRun {
        var run = LintRun(files: [try lint("opt-13b.yaml"), try lint("suppressions.yaml"), try lint("syntax-error.yaml")],
                          ioErrors: [], failOn: nil)
        // As if linted from /repo/models in a repository at /repo: the same CI paths on every machine.
        run.repositoryRoot = RepositoryRoot(path: "/repo", workingDirectory: "/repo/models")
        return run
    }
}
