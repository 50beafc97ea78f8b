/// `path:line:col: severity: message [CODE]`, the source line with a caret under the flagged token, notes,
/// then a summary line.
public struct TextLintRenderer: LintRenderer {
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
        output += "\(Escaping.short(diagnostic.file, limit: 400)):"
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

    /// The line with control characters shown as `?`, one character per scalar so the caret lines up.
    static func printable(_ line: String) -> String {
        var result = ""
        for scalar in line.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                || scalar.properties.generalCategory == .format {
                result += scalar == "\t" ? " " : "?"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
