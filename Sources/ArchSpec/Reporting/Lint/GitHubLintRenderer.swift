/// GitHub Actions workflow commands (`::error file=...,line=...::message`), escaped as `@actions/core` does.
public struct GitHubLintRenderer: LintRenderer {
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
            var properties = [("file", diagnostic.file)]
            if let location = diagnostic.location {
                properties += [("line", String(location.line)), ("col", String(location.column))]
                if let end = finding.end { properties += [("endLine", String(end.line)), ("endColumn", String(end.column))] }
            }
            properties.append(("title", "\(diagnostic.code) \(finding.ruleName)"))
            let list = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
            output += "::\(command) \(list)::\(Self.escapeData(diagnostic.message))\n"
        }
        output += run.summaryLine + "\n"
        return output
    }

    /// `escapeData` of `@actions/core`: `%`, CR and LF.
    public static func escapeData(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `escapeProperty` of `@actions/core`: `escapeData` plus `:` and `,`.
    public static func escapeProperty(_ text: String) -> String {
        var result = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
