/// Formats exact counts for people: three significant digits and a unit.
public enum HumanUnits {
    /// Parameter counts: `8.03 B`, `525 M`, `266 K`.
    public static func count(_ value: Int128) -> String {
        scaled(Double(value), units: ["", " K", " M", " B", " T", " Q"], base: 1000)
    }

    /// Bytes in binary units: `15.0 GiB`, `128 KiB`.
    public static func bytes(_ value: Int128) -> String {
        scaled(Double(value), units: [" B", " KiB", " MiB", " GiB", " TiB", " PiB", " EiB"], base: 1024)
    }

    /// FLOPs: `16.1 GFLOP`.
    public static func flops(_ value: Int128) -> String {
        scaled(Double(value), units: [" FLOP", " KFLOP", " MFLOP", " GFLOP", " TFLOP", " PFLOP", " EFLOP", " ZFLOP"],
               base: 1000)
    }

    /// Seconds with a unit that keeps three significant digits: `12.4 ms`, `3.10 s`.
    public static func seconds(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        if value >= 1 || value == 0 { return significant(value) + " s" }
        if value >= 1e-3 { return significant(value * 1e3) + " ms" }
        if value >= 1e-6 { return significant(value * 1e6) + " us" }
        return significant(value * 1e9) + " ns"
    }

    static func scaled(_ value: Double, units: [String], base: Double) -> String {
        // Past the largest unit, scientific notation keeps absurd sizes readable.
        var largest = 1.0
        for _ in 1..<units.count { largest *= base }
        if abs(value) >= largest * 1000 { return formatScientific(value / largest) + units[units.count - 1] }
        var scaled = value
        var index = 0
        while abs(scaled) >= base * 0.9995, index < units.count - 1 {
            scaled /= base
            index += 1
        }
        if index == 0, scaled == scaled.rounded() { return String(Int64(scaled)) + units[0] }
        return significant(scaled) + units[index]
    }

    /// `3.30e12`: three significant digits and a decimal exponent.
    static func formatScientific(_ value: Double) -> String {
        var exponent = 0
        var mantissa = abs(value)
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        if fixed(mantissa, decimals: 2) == "10.00" { mantissa /= 10; exponent += 1 }
        return (value < 0 ? "-" : "") + fixed(mantissa, decimals: 2) + "e\(exponent)"
    }

    /// Three significant digits, no exponent: 8.03, 15.0, 128, 1234.
    public static func significant(_ value: Double) -> String {
        var decimals = 2
        // Choose the decimals after rounding, so 9.996 becomes 10.0 rather than 10.00.
        while decimals > 0 {
            var factor = 1.0
            for _ in 0..<decimals { factor *= 10 }
            let rounded = (abs(value) * factor).rounded() / factor
            if rounded < (decimals == 2 ? 10 : 100) { break }
            decimals -= 1
        }
        return fixed(value, decimals: decimals)
    }

    /// `value` with exactly `decimals` digits after the point.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let rounded = (abs(value) * factor).rounded()
        guard rounded < 9e18 else { return "\(value)" }
        let whole = Int64(rounded)
        let integerPart = whole / Int64(factor)
        var text = (value < 0 && whole != 0 ? "-" : "") + String(integerPart)
        if decimals > 0 {
            let fraction = String(whole % Int64(factor))
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    /// An exact integer with thousands separators: `8,030,261,248`.
    public static func grouped(_ value: Int128) -> String {
        let digits = Array(value.magnitude.description)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// A signed percentage with one decimal (`+7.0%`, `-75.0%`, `0%`); `n/a` for `nil`.
    public static func signedPercent(_ percent: Double?) -> String {
        guard let percent else { return "n/a" }
        if percent == 0 { return "0%" }
        let tenths = (abs(percent) * 10).rounded()
        let text = "\(Int(tenths) / 10).\(Int(tenths) % 10)%"
        return (percent < 0 ? "-" : "+") + text
    }
}
