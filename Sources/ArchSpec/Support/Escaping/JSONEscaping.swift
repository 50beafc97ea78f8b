/// The JSON sink's extra care, beyond what RFC 8259 requires: scalars that are legal raw in a JSON string but
/// unsafe on a terminal or in a CI log (DEL, C1 controls, U+2028/U+2029, format characters such as bidi
/// overrides, noncharacters) are written as `\u` escapes, and the `[` of `##[` (the runner's legacy
/// workflow-command prefix) as `\u005b`. Every escape is lossless: a JSON parser reads back the same string.
public enum JSONEscaping {
    /// `\uXXXX`, or a surrogate pair above U+FFFF.
    public static func unicodeEscape(_ value: UInt32) -> String {
        func four(_ unit: UInt32) -> String {
            let hex = String(unit, radix: 16)
            return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        guard value > 0xFFFF else { return four(value) }
        let offset = value - 0x10000
        return four(0xD800 + (offset >> 10)) + four(0xDC00 + (offset & 0x3FF))
    }

    /// Re-escapes JSON text written by another encoder (`JSONEncoder`): every unsafe scalar and the `[` of
    /// `##[` become `\u` escapes. Outside strings JSON is plain ASCII without `#`, so only string contents
    /// change and the document parses to the same value.
    public static func harden(_ json: String) -> String {
        var result = ""
        var hashes = 0
        for scalar in json.unicodeScalars {
            if (Escaping.isUnsafe(scalar) && scalar.value >= 0x20) || (scalar == "[" && hashes >= 2) {
                result += unicodeEscape(scalar.value)
            } else {
                result.unicodeScalars.append(scalar)
            }
            hashes = scalar == "#" ? hashes + 1 : 0
        }
        return result
    }
}
