/// A JSON value with exact integers and ordered keys, rendered without Foundation.
///
/// `JSONEncoder` turns large integers into floats on some platforms and orders keys arbitrarily; reports need
/// exact 128-bit integers and a stable key order.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int128)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    public static func int(_ value: Int) -> JSONValue { .int(Int128(value)) }

    /// The JSON text; `indent` spaces per level, or compact when `nil`.
    public func rendered(indent: Int? = 2) -> String {
        var output = ""
        write(to: &output, indent: indent, level: 0)
        return output
    }

    private func write(to output: inout String, indent: Int?, level: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += value.description
        case .double(let value):
            output += value.isFinite ? Self.number(value) : "null"
        case .string(let value): Self.quote(value, into: &output)
        case .array(let items):
            writeContainer(items.map { (nil, $0) }, open: "[", close: "]", to: &output, indent: indent, level: level)
        case .object(let members):
            writeContainer(members.map { ($0.0, $0.1) }, open: "{", close: "}", to: &output, indent: indent, level: level)
        }
    }

    private func writeContainer(
        _ members: [(String?, JSONValue)], open: String, close: String, to output: inout String, indent: Int?, level: Int
    ) {
        output += open
        if members.isEmpty { return output += close }
        let pad = indent.map { String(repeating: " ", count: $0 * (level + 1)) }
        for (index, (key, value)) in members.enumerated() {
            if index > 0 { output += "," }
            if let pad { output += "\n" + pad }
            if let key {
                Self.quote(key, into: &output)
                output += indent == nil ? ":" : ": "
            }
            value.write(to: &output, indent: indent, level: level + 1)
        }
        if let indent { output += "\n" + String(repeating: " ", count: indent * level) }
        output += close
    }

    /// A finite double with at most 15 significant digits (all a double holds exactly in decimal), integers
    /// below 10^15 without a fraction: `66.9e12` prints `66900000000000`, not `66900000000000.01`.
    static func number(_ value: Double) -> String {
        let shown = significant15(value)
        if shown == shown.rounded(), abs(shown) < 1e15 { return String(Int64(shown)) }
        return "\(shown)"
    }

    /// `value` rounded to 15 significant decimal digits (unchanged when that cannot be computed exactly enough).
    static func significant15(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return value }
        var exponent = 0
        var magnitude = abs(value)
        while magnitude >= 10 { magnitude /= 10; exponent += 1 }
        while magnitude < 1 { magnitude *= 10; exponent -= 1 }
        let shift = 14 - exponent
        guard abs(shift) <= 300 else { return value }
        var power = 1.0
        for _ in 0..<abs(shift) { power *= 10 }
        let rounded = shift >= 0 ? (value * power).rounded() / power : (value / power).rounded() * power
        return rounded.isFinite ? rounded : value
    }

    /// JSON string escaping, per Unicode scalar: quotes, backslashes and every control character, and (see
    /// `JSONEscaping`) DEL, C1 controls, U+2028/U+2029, format characters, noncharacters and the `[` of `##[`
    /// as `\u` escapes. Runs of plain characters are copied in bulk.
    public static func quote(_ text: String, into output: inout String) {
        output += "\""
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var index = utf8.startIndex
        var hashes = 0
        while index != utf8.endIndex {
            let byte = utf8[index]
            var escape: String?
            var width = 1
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "\n"): escape = "\\n"
            case UInt8(ascii: "\r"): escape = "\\r"
            case UInt8(ascii: "\t"): escape = "\\t"
            case 0..<0x20, 0x7F: escape = unicodeEscape(UInt32(byte))
            case UInt8(ascii: "["): if hashes >= 2 { escape = unicodeEscape(0x5B) }
            case 0xC0...:
                // A lead byte: decode the scalar and escape it when a terminal or log must not see it raw.
                let scalar = text.unicodeScalars[index]
                if Escaping.isUnsafe(scalar) {
                    escape = JSONEscaping.unicodeEscape(scalar.value)
                    width = scalar.utf8.count
                }
            default: break
            }
            hashes = byte == UInt8(ascii: "#") ? hashes + 1 : 0
            if let escape {
                output += text[runStart..<index]
                output += escape
                index = utf8.index(index, offsetBy: width)
                runStart = index
            } else {
                index = utf8.index(after: index)
            }
        }
        output += text[runStart..<utf8.endIndex]
        output += "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
