/// The GitHub workflow-command sink (`::error file=...,line=...::message`), escaped per Unicode scalar as
/// `@actions/core` does, which is what the runner unescapes.
public enum WorkflowCommandEscaping {
    /// `escapeData` of `@actions/core`: `%`, CR and LF (the runner splits lines on CR and LF only).
    public static func data(_ text: String) -> String { encode(text, property: false) }

    /// `escapeProperty` of `@actions/core`: `data(_:)` plus `:` and `,`.
    public static func property(_ text: String) -> String { encode(text, property: true) }

    private static func encode(_ text: String, property: Bool) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case ":" where property: result += "%3A"
            case "," where property: result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Annotation text: CR and LF are kept for `data(_:)` and `property(_:)` to encode (a message may span
    /// lines), every other scalar the terminal sink escapes is shown escaped (`\u{1b}`), and the text is cut
    /// to `limit` scalars.
    public static func visible(_ text: String, limit: Int = 1000) -> String {
        var result = ""
        var count = 0
        var hashes = 0
        for scalar in text.unicodeScalars {
            if count >= limit {
                result += "..."
                break
            }
            if scalar != "\r", scalar != "\n", Escaping.isUnsafe(scalar) || (scalar == "[" && hashes >= 2) {
                result += Escaping.visible(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
            hashes = scalar == "#" ? hashes + 1 : 0
            count += 1
        }
        return result
    }
}
