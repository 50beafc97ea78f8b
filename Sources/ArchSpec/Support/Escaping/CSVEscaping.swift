/// The CSV sink (RFC 4180), per Unicode scalar.
///
/// A field is quoted, with its quotes doubled, when it contains `,`, `"`, CR or LF, or when it starts with
/// white space or `:` (quoting keeps the value and stops a line of output from starting a workflow command).
/// Free text (a model name) goes through `text(_:)` first: the terminal sink's escapes, so no raw line break,
/// control or bidi character reaches the file, then formula neutralisation (a leading `=`, `+`, `-` or `@`
/// gets a `'` in front, as OWASP advises, so a spreadsheet does not evaluate it). Numeric columns are
/// archcalc's own integers and are written as they are.
public enum CSVEscaping {
    /// One RFC 4180 field holding `text` exactly.
    public static func field(_ text: String) -> String {
        var needsQuotes = false
        if let first = text.unicodeScalars.first, first == ":" || first.properties.isWhitespace { needsQuotes = true }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"":
                needsQuotes = true
                quoted += "\"\""
            case ",", "\r", "\n":
                needsQuotes = true
                quoted.unicodeScalars.append(scalar)
            default:
                quoted.unicodeScalars.append(scalar)
            }
        }
        return needsQuotes ? quoted + "\"" : text
    }

    /// A field of free text: terminal-safe, formula-neutralised, then quoted as `field(_:)` requires.
    public static func text(_ text: String) -> String {
        var safe = Escaping.terminal(text)
        if let first = safe.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) { safe = "'" + safe }
        return field(safe)
    }
}
