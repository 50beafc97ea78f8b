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
}
