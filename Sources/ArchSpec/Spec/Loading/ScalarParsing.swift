/// Strict scalar conversions for spec values: quoted scalars are strings, YAML 1.1 spellings are refused.
enum ScalarParsing {
    enum Outcome<Value> {
        case value(Value)
        /// A message fragment: what was found instead.
        case mismatch(String)
        case outOfRange(String)
    }

    static func integer(_ scalar: YAMLScalar) -> Outcome<Int> {
        let text = scalar.value
        if !scalar.isQuoted, let value = plainDecimal(text) { return .value(value) }
        if scalar.isQuoted { return .mismatch("the string \"\(Escaping.short(text))\"") }
        if isNull(text) { return .mismatch("no value") }
        var digits = Substring(text)
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            if Double(text) != nil { return .mismatch(Escaping.short(text)) }
            return .mismatch("'\(Escaping.short(text))'")
        }
        // A leading zero is octal in YAML 1.1 and decimal in 1.2: refuse the ambiguity.
        if digits.count > 1, digits.first == "0" { return .mismatch("'\(Escaping.short(text))' (a leading zero)") }
        guard let magnitude = Int(digits) else { return .outOfRange(Escaping.short(text)) }
        return .value(negative ? -magnitude : magnitude)
    }

    /// The fast path for the common case: 1 to 18 ASCII digits without a leading zero (no overflow possible);
    /// everything else goes through the full checks.
    @inline(__always)
    static func plainDecimal(_ text: String) -> Int? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard !bytes.isEmpty, bytes.count <= 18, bytes.count == 1 || bytes[0] != UInt8(ascii: "0") else { return nil }
            var value = 0
            for byte in bytes {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        } ?? nil
    }

    static func number(_ scalar: YAMLScalar) -> Outcome<Double> {
        let text = scalar.value
        if scalar.isQuoted { return .mismatch("the string \"\(Escaping.short(text))\"") }
        if isNull(text) { return .mismatch("no value") }
        guard let value = Double(text), value.isFinite else { return .mismatch("'\(Escaping.short(text))'") }
        return .value(value)
    }

    static func boolean(_ scalar: YAMLScalar) -> Outcome<Bool> {
        if scalar.isQuoted { return .mismatch("the string \"\(Escaping.short(scalar.value))\"") }
        switch scalar.value {
        case "true", "True", "TRUE": return .value(true)
        case "false", "False", "FALSE": return .value(false)
        default: return .mismatch("'\(Escaping.short(scalar.value))'")
        }
    }

    static func string(_ scalar: YAMLScalar) -> Outcome<String> {
        if !scalar.isQuoted, isNull(scalar.value) { return .mismatch("no value") }
        return .value(scalar.value)
    }

    static func isNull(_ text: String) -> Bool {
        text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }
}
