/// The terminal sink: makes any user-controlled string (a model name, a file path, a profile value, a CLI
/// argument) safe to print in human output and on standard error.
///
/// Works per Unicode scalar, never per `Character`: a grapheme cluster such as `<` + U+0301 or U+0600 + `:`
/// hides the scalar that matters from a comparison of characters.
///
/// - Control characters (C0, DEL, C1 including NEL), the line and paragraph separators U+2028/U+2029, format
///   characters (bidi embeddings, overrides and isolates, zero-width characters, U+0600..., tags) and
///   noncharacters are shown as `\u{1b}` (`\n`, `\r`, `\t` for the common three), so no line break is ever
///   printed raw and nothing reorders or hides the text around it.
/// - `##[` (the runner's legacy workflow-command prefix, recognised anywhere in a line) is written `##\u{5b}`.
/// - A combining mark at the start is escaped, so it cannot merge with the fixed text before it.
/// - `lineStart(_:)` also escapes a leading white-space scalar and a leading `::`, for strings that begin a line:
///   GitHub's runner reads `::command` from any line of stdout or stderr after trimming white space.
///
/// Backslashes are kept as they are, so escaping is idempotent: escaped text escapes to itself.
public enum Escaping {
    /// Terminal-safe text cut to `limit` scalars of output (then `...`). The form every one-line message uses
    /// to quote a value from a file.
    public static func short(_ text: String, limit: Int = 60) -> String {
        terminal(text, limit: limit)
    }

    /// Terminal-safe text for a position inside a line (after fixed text), cut to `limit` scalars of output.
    public static func terminal(_ text: String, limit: Int = Int.max) -> String {
        escape(text, limit: limit, atLineStart: false)
    }

    /// Terminal-safe text that may begin a line: `terminal(_:)` plus leading white space and a leading `::`
    /// escaped, so no user string can start a workflow command.
    public static func lineStart(_ text: String, limit: Int = Int.max) -> String {
        escape(text, limit: limit, atLineStart: true)
    }

    /// Whether a scalar must never reach a terminal or a log raw: C0 and C1 controls, DEL, U+2028/U+2029,
    /// format characters (`Cf`) and noncharacters.
    @inline(__always)
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return false }
        if value < 0x20 || value == 0x7F || (0x80..<0xA0).contains(value) { return true }
        if value < 0xAD { return false }
        if value == 0x2028 || value == 0x2029 { return true }
        return scalar.properties.generalCategory == .format || scalar.properties.isNoncharacterCodePoint
    }

    /// `\n`, `\r`, `\t`, or `\u{hex}`.
    static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        default: "\\u{\(String(scalar.value, radix: 16))}"
        }
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private static func escape(_ text: String, limit: Int, atLineStart: Bool) -> String {
        var result = ""
        var emitted = 0
        var hashes = 0
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index != scalars.endIndex {
            if emitted >= limit {
                result += "..."
                break
            }
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            let first = index == scalars.startIndex
            let escaped = isUnsafe(scalar)
                || (first && isCombiningMark(scalar))
                || (scalar == "[" && hashes >= 2)
                || (first && atLineStart && scalar.properties.isWhitespace)
                || (first && atLineStart && scalar == ":" && next != scalars.endIndex && scalars[next] == ":")
            hashes = scalar == "#" ? hashes + 1 : 0
            if escaped {
                let piece = visible(scalar)
                result += piece
                emitted += piece.unicodeScalars.count
            } else {
                result.unicodeScalars.append(scalar)
                emitted += 1
            }
            index = next
        }
        return result
    }
}
