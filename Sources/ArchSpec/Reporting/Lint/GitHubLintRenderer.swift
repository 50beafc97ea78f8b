/// GitHub Actions workflow commands (`::error file=...,line=...::message`), escaped as `@actions/core` does.
/// The file and the message first go through `WorkflowCommandEscaping.visible` (line breaks kept for the
/// runner's `%0A`, every other control or bidi character shown escaped); the summary line is fixed text. Files
/// are named relative to the repository root (`LintRun.ciPath`), as the runner resolves them.
public struct GitHubLintRenderer: Renderer {
    public init() {}

    public func render(_ run: LintRun) -> String {
        var output = ""
        for finding in run.findings {
            let diagnostic = finding.diagnostic
            let command = switch diagnostic.severity {
            case .error: "error"
            case .warning: "warning"
            case .info: "notice"
            }
            var properties = [("file", WorkflowCommandEscaping.visible(run.ciPath(diagnostic.file), limit: 400))]
            if let location = diagnostic.location {
                properties += [("line", String(location.line)), ("col", String(location.column))]
                if let end = finding.end { properties += [("endLine", String(end.line)), ("endColumn", String(end.column))] }
            }
            properties.append(("title", "\(diagnostic.code) \(finding.ruleName)"))
            let list = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
            let message = WorkflowCommandEscaping.visible(diagnostic.message, limit: 1000)
            output += "::\(command) \(list)::\(Self.escapeData(message))\n"
        }
        output += run.summaryLine + "\n"
        return output
    }

    /// `escapeData` of `@actions/core`: `%`, CR and LF (see `WorkflowCommandEscaping`).
    public static func escapeData(_ text: String) -> String { WorkflowCommandEscaping.data(text) }

    /// `escapeProperty` of `@actions/core`: `escapeData` plus `:` and `,`.
    public static func escapeProperty(_ text: String) -> String { WorkflowCommandEscaping.property(text) }
}
