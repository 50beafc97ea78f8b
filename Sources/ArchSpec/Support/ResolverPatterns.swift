/// Yams' default resolver patterns (YAML 1.1: bool, int, float, merge, null, timestamp, value) as plain
/// matchers over UTF-8 bytes, so a string that would read back as another type is quoted when written.
enum ResolverPatterns {
    static func matchesAny(_ text: [UInt8]) -> Bool {
        let string = String(decoding: text, as: UTF8.self)
        return words.contains(string) || isInt(text) || isFloat(text) || isTimestamp(text)
    }

    /// bool, null (with the empty string), merge and value.
    static let words: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "~", "null", "Null", "NULL", "", "<<", "=",
    ]

    /// `[-+]?0b[01_]+`, `[-+]?0o?[0-7_]+`, `[-+]?(0|[1-9][0-9_]*)`, `[-+]?0x[0-9a-fA-F_]+`,
    /// `[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`.
    static func isInt(_ text: [UInt8]) -> Bool {
        var body = text[...]
        if let first = body.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { body = body.dropFirst() }
        guard let first = body.first else { return false }
        if first == UInt8(ascii: "0") {
            let rest = body.dropFirst()
            if rest.isEmpty { return true }
            switch rest.first {
            case UInt8(ascii: "b"): return all(rest.dropFirst(), minimum: 1) { $0 == 48 || $0 == 49 || $0 == 95 }
            case UInt8(ascii: "x"): return all(rest.dropFirst(), minimum: 1) { isHex($0) || $0 == 95 }
            case UInt8(ascii: "o"): return all(rest.dropFirst(), minimum: 1) { isOctal($0) || $0 == 95 }
            default: return all(rest, minimum: 1) { isOctal($0) || $0 == 95 }
            }
        }
        guard isDigit(first) else { return false }
        let head = body.prefix { isDigit($0) || $0 == 95 }
        let tail = body.dropFirst(head.count)
        return tail.isEmpty || isSexagesimalGroups(tail)
    }

    /// `[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?`, `\.[0-9_]+([eE][-+][0-9]+)?`,
    /// `[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`, `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`.
    static func isFloat(_ text: [UInt8]) -> Bool {
        let string = String(decoding: text, as: UTF8.self)
        if [".nan", ".NaN", ".NAN"].contains(string) { return true }
        var body = text[...]
        var signed = false
        if let first = body.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { body = body.dropFirst(); signed = true }
        if [".inf", ".Inf", ".INF"].contains(String(decoding: body, as: UTF8.self)) { return true }
        guard let first = body.first else { return false }
        if first == UInt8(ascii: "."), !signed {
            let fraction = body.dropFirst().prefix { isDigit($0) || $0 == 95 }
            guard !fraction.isEmpty else { return false }
            let rest = body.dropFirst(1 + fraction.count)
            return rest.isEmpty || isExponent(rest, signRequired: true)
        }
        guard isDigit(first) else { return false }
        let head = body.prefix { isDigit($0) || $0 == 95 }
        var rest = body.dropFirst(head.count)
        if rest.first == UInt8(ascii: ":") {
            // Sexagesimal: groups, then a point and a fraction.
            guard let point = rest.firstIndex(of: UInt8(ascii: ".")) else { return false }
            return isSexagesimalGroups(rest[..<point]) && all(rest[(point + 1)...], minimum: 0) { isDigit($0) || $0 == 95 }
        }
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            rest = rest.dropFirst(rest.prefix { isDigit($0) || $0 == 95 }.count)
        }
        return rest.isEmpty || isExponent(rest, signRequired: false)
    }

    /// `[0-9]{4}-[0-9]{2}-[0-9]{2}`, or `[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}`
    /// `(\.[0-9]*)?([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?`.
    static func isTimestamp(_ text: [UInt8]) -> Bool {
        var rest = text[...]
        func digits(_ least: Int, _ most: Int) -> Bool {
            let run = rest.prefix { isDigit($0) }.count
            guard run >= least else { return false }
            rest = rest.dropFirst(min(run, most))
            return true
        }
        func literal(_ byte: UInt8) -> Bool {
            guard rest.first == byte else { return false }
            rest = rest.dropFirst()
            return true
        }
        guard digits(4, 4), literal(UInt8(ascii: "-")) else { return false }
        let afterYear = rest
        if digits(2, 2), literal(UInt8(ascii: "-")), digits(2, 2), rest.isEmpty, afterYear.count == 5 { return true }
        rest = afterYear
        guard digits(1, 2), literal(UInt8(ascii: "-")), digits(1, 2) else { return false }
        if rest.first == UInt8(ascii: "T") || rest.first == UInt8(ascii: "t") {
            rest = rest.dropFirst()
        } else {
            let blanks = rest.prefix { $0 == 32 || $0 == 9 }.count
            guard blanks > 0 else { return false }
            rest = rest.dropFirst(blanks)
        }
        guard digits(1, 2), literal(UInt8(ascii: ":")), digits(2, 2), literal(UInt8(ascii: ":")), digits(2, 2) else { return false }
        if literal(UInt8(ascii: ".")) { rest = rest.dropFirst(rest.prefix { isDigit($0) }.count) }
        if rest.isEmpty { return true }
        rest = rest.dropFirst(rest.prefix { $0 == 32 || $0 == 9 }.count)
        if literal(UInt8(ascii: "Z")) { return rest.isEmpty }
        guard let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") else { return false }
        rest = rest.dropFirst()
        guard digits(1, 2) else { return false }
        if literal(UInt8(ascii: ":")) { guard digits(2, 2) else { return false } }
        return rest.isEmpty
    }

    /// `(:[0-5]?[0-9])+`, the whole of `text`.
    private static func isSexagesimalGroups(_ text: ArraySlice<UInt8>) -> Bool {
        var rest = text
        guard !rest.isEmpty else { return false }
        while let colon = rest.first {
            guard colon == UInt8(ascii: ":") else { return false }
            let run = rest.dropFirst().prefix { isDigit($0) }
            switch run.count {
            case 1: break
            case 2: guard run.first! <= UInt8(ascii: "5") else { return false }
            default: return false
            }
            rest = rest.dropFirst(1 + run.count)
        }
        return true
    }

    /// `[eE][-+]?[0-9]+` (the sign required when `signRequired`), the whole of `text`.
    private static func isExponent(_ text: ArraySlice<UInt8>, signRequired: Bool) -> Bool {
        guard let e = text.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") else { return false }
        var rest = text.dropFirst()
        if let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            rest = rest.dropFirst()
        } else if signRequired {
            return false
        }
        return all(rest, minimum: 1, isDigit)
    }

    private static func all(_ text: ArraySlice<UInt8>, minimum: Int, _ test: (UInt8) -> Bool) -> Bool {
        text.count >= minimum && text.allSatisfy(test)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    private static func isOctal(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 55 }
    private static func isHex(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 65 && byte <= 70) || (byte >= 97 && byte <= 102)
    }
}
