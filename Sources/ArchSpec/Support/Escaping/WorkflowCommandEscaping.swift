/// The GitHub workflow-command sink (`::error file=...,line=...::message`), escaped per Unicode scalar as
/// `@actions/core` does, which is what the runner unescapes.
public enum WorkflowCommandEscaping {
    /// `escapeData` of `@actions/core`: `%`, CR and LF (the runner splits lines on CR and LF only).
    public static func data(_ text: String) -> String {
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

    /// `escapeProperty` of `@actions/core`: `data(_:)` plus `:` and `,`.
    public static func property(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
