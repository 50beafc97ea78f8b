#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scalar text as Yams 6.2.2's `YAMLEncoder` wrote it, without Foundation: floating-point numbers in its two
/// forms and the check that decides whether a string may be left to the emitter or must be single-quoted.
enum YAMLScalarText {
    /// A `Double` as Yams wrote one: `%.17g` when that is in exponent form (below 1e-4 or from 1e17), otherwise
    /// scientific notation with at most 15 significant digits rounded half to even (`1.5e+0`, `8e-2`,
    /// `3.35e+12`), and `.inf`, `-.inf`, `.nan`.
    static func double(_ value: Double) -> String { text(value, printfDigits: 17, significant: 15) }

    private static func text(_ value: Double, printfDigits: Int32, significant: Int) -> String {
        let printed = printf(value, digits: printfDigits)
        if printed.utf8.suffix(5).contains(UInt8(ascii: "e")) { return printed }
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        return ScientificDigits(value).rounded(to: significant).text
    }

    /// `snprintf("%.*g", digits, value)`.
    private static func printf(_ value: Double, digits: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let count = withVaList([digits, value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, "%.*g", arguments) }
        }
        guard count > 0 else { return "" }
        return String(decoding: buffer.prefix(min(Int(count), buffer.count - 1)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether `text` reads back as a string when written plain: it matches none of the patterns of Yams'
    /// default resolver (bool, int, float, merge, null, timestamp, value). Such strings were written
    /// single-quoted. A trailing line break is ignored, as the resolver's `$` does.
    static func readsAsString(_ text: String) -> Bool {
        var bytes = Array(text.utf8)
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return !ResolverPatterns.matchesAny(bytes) && !ResolverPatterns.matchesAny(Array(text.utf8))
    }
}

/// A finite double as decimal digits `d.ddd x 10^exponent`, from Swift's shortest round-trip text (the digits
/// ICU, which Yams' `NumberFormatter` used, starts from).
struct ScientificDigits {
    var negative: Bool
    var digits: [UInt8]
    var exponent: Int

    init(_ value: Double) {
        let description = value.magnitude.description
        let parts = description.split(separator: "e", maxSplits: 1)
        let mantissa = parts[0]
        let powerOfTen = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let integerPart = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
        var digits = mantissa.utf8.filter { $0 != UInt8(ascii: ".") }.map { $0 - UInt8(ascii: "0") }
        var exponent = integerPart.utf8.count - 1 + powerOfTen
        while digits.first == 0 { digits.removeFirst(); exponent -= 1 }
        while digits.last == 0 { digits.removeLast() }
        negative = value.sign == .minus
        self.digits = digits
        self.exponent = digits.isEmpty ? 0 : exponent
    }

    /// At most `count` significant digits, rounded half to even, trailing zeros dropped.
    func rounded(to count: Int) -> ScientificDigits {
        guard digits.count > count else { return self }
        var result = self
        var kept = Array(digits[..<count])
        let first = digits[count]
        let restNonZero = digits[(count + 1)...].contains { $0 != 0 }
        let up = first > 5 || (first == 5 && (restNonZero || (kept.last ?? 0) % 2 == 1))
        if up {
            var index = kept.count - 1
            while index >= 0 {
                if kept[index] == 9 { kept[index] = 0; index -= 1 } else { kept[index] += 1; break }
            }
            if index < 0 { kept.insert(1, at: 0); kept.removeLast(); result.exponent += 1 }
        }
        while kept.last == 0 { kept.removeLast() }
        result.digits = kept
        return result
    }

    /// `-1.5e+3`, `8e-2`, `0e+0`.
    var text: String {
        let shown = digits.isEmpty ? [0] : digits
        var result = negative ? "-" : ""
        result += String(shown[0])
        if shown.count > 1 { result += "." + shown.dropFirst().map(String.init).joined() }
        return result + (exponent < 0 ? "e-" : "e+") + String(exponent.magnitude)
    }
}
