/// `path:line:col: severity: message [CODE]`, the source line with a caret under the flagged token, notes,
/// then a summary line.
public struct TextLintRenderer: Renderer {
    public init() {}

    public func render(_ run: LintRun) -> String {
        var output = ""
        for finding in run.findings {
            render(finding, into: &output)
        }
        output += run.summaryLine + "\n"
        return output
    }

    func render(_ finding: LintFinding, into output: inout String) {
        let diagnostic = finding.diagnostic
        output += "\(Escaping.lineStart(diagnostic.file, limit: 400)):"
        if let location = diagnostic.location { output += "\(location.line):\(location.column):" }
        output += " \(diagnostic.severity.rawValue): \(Escaping.short(diagnostic.message, limit: 1000)) [\(diagnostic.code)]\n"
        if let location = diagnostic.location, let line = finding.sourceLine {
            let number = String(location.line)
            let gutter = String(repeating: " ", count: number.count)
            output += " \(number) | \(Self.printable(line))\n"
            let width = max(1, (finding.end?.column ?? location.column + 1) - location.column)
            output += " \(gutter) | " + String(repeating: " ", count: max(0, location.column - 1))
                + String(repeating: "^", count: width) + "\n"
        }
        for note in diagnostic.notes {
            let at = note.location.map { " (line \($0.line), column \($0.column))" } ?? ""
            output += "  note: \(Escaping.short(note.message, limit: 200))\(at)\n"
        }
    }

    /// The line with every scalar the terminal sink escapes (controls, line separators, bidi and other format
    /// characters) shown as `?`, and the `[` of `##[` too, one scalar for one so the caret lines up.
    static func printable(_ line: String) -> String {
        var result = ""
        var hashes = 0
        for scalar in line.unicodeScalars {
            if Escaping.isUnsafe(scalar) || (scalar == "[" && hashes >= 2) {
                result += scalar == "\t" ? " " : "?"
            } else {
                result.unicodeScalars.append(scalar)
            }
            hashes = scalar == "#" ? hashes + 1 : 0
        }
        return result
    }
}
