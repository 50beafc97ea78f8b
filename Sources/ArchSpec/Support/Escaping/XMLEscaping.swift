/// The XML sink (SVG text and attribute values), per Unicode scalar.
///
/// `&`, `<`, `>`, `"` and `'` become entities. Characters XML 1.0 forbids (C0 controls other than tab, LF and
/// CR; U+FFFE and U+FFFF; lone surrogates cannot occur in a Swift string) are replaced with U+FFFD. Tab, LF,
/// CR, DEL, the C1 controls (NEL included) and U+2028/U+2029 become character references (`&#xA;`), so a value
/// never breaks a line of the document, survives attribute-value normalisation, and is also valid XML 1.1.
public enum XMLEscaping {
    /// Text content of an element.
    public static func text(_ text: String) -> String { escape(text) }

    /// An attribute value, to be written between double quotes.
    public static func attribute(_ text: String) -> String { escape(text) }

    /// Whether XML 1.0 allows the scalar at all (the `Char` production).
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                let value = scalar.value
                if !isAllowed(scalar) {
                    result.unicodeScalars.append("\u{FFFD}")
                } else if value < 0x20 || (0x7F..<0xA0).contains(value) || value == 0x2028 || value == 0x2029 {
                    result += "&#x\(String(value, radix: 16, uppercase: true));"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
