/// The Markdown sink (GitHub-flavoured tables and inline text), per Unicode scalar.
///
/// The text first goes through the terminal sink (no raw line break, control or bidi character), then the
/// characters Markdown gives meaning are neutralised: `\`, `` ` ``, `|` (a table cell separator, even inside
/// code spans), `[` and `]` (links and images) with a backslash; `<` and `>` (HTML) as `&lt;` and `&gt;`;
/// `&` as `&amp;` (no entity can be formed). `inline(_:)` also escapes a leading character that would start a
/// block (`#`, `>`, `-`, `+`, `*`, `=`, `:`, `~`) when the text begins a line.
public enum MarkdownEscaping {
    /// Text inside a table cell.
    public static func cell(_ text: String) -> String { escape(text, atLineStart: false) }

    /// Text in a heading or paragraph; `atLineStart` when nothing fixed comes before it on its line.
    public static func inline(_ text: String, atLineStart: Bool = false) -> String { escape(text, atLineStart: atLineStart) }

    private static func escape(_ text: String, atLineStart: Bool) -> String {
        var result = ""
        let safe = Escaping.terminal(text)
        for (offset, scalar) in safe.unicodeScalars.enumerated() {
            switch scalar {
            case "\\", "`", "|", "[", "]": result += "\\" + String(scalar)
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            default:
                if offset == 0, atLineStart, "#-+*=:~".unicodeScalars.contains(scalar) { result += "\\" }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
