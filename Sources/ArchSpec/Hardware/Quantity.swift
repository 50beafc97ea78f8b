
/// A physical dimension a hardware figure is measured in, with the unit spellings a YAML file may use.
///
/// Figures are stored in base units: bytes, bytes per second, FLOP per second, seconds, or a plain fraction.
public protocol QuantityDimension: Sendable {
    /// What a figure of this dimension is, for messages ("a memory size").
    static var noun: String { get }
    /// Unit words accepted after a number and the factor each multiplies by (before SI prefixes).
    static var units: [String: Double] { get }
    /// An example of a well-written value, for messages.
    static var example: String { get }
}

/// Memory capacity, bytes.
public enum Bytes: QuantityDimension {
    public static let noun = "a memory size"
    public static let units: [String: Double] = ["B": 1, "bytes": 1, "byte": 1]
    public static let example = "80 GiB"
}

/// Bandwidth, bytes per second.
public enum BytesPerSecond: QuantityDimension {
    public static let noun = "a bandwidth"
    public static let units: [String: Double] = ["B/s": 1, "Bps": 1, "b/s": 0.125, "bps": 0.125]
    public static let example = "3.35 TB/s"
}

/// Throughput, floating-point (or integer) operations per second.
public enum FlopsPerSecond: QuantityDimension {
    public static let noun = "a throughput"
    public static let units: [String: Double] = ["FLOP/s": 1, "FLOPS": 1, "FLOPs": 1, "OP/s": 1, "OPS": 1, "OPs": 1]
    public static let example = "989.4 TFLOP/s"
}

/// Time, seconds.
public enum Seconds: QuantityDimension {
    public static let noun = "a duration"
    public static let units: [String: Double] = ["s": 1, "ms": 1e-3, "us": 1e-6, "µs": 1e-6, "ns": 1e-9]
    public static let example = "10 us"
}

/// A dimensionless ratio (efficiencies, reserve fractions); `%` is accepted.
public enum Fraction: QuantityDimension {
    public static let noun = "a fraction"
    public static let units: [String: Double] = ["%": 0.01]
    public static let example = "0.8 or 80%"
}

/// Parses "80 GiB", "3.35 TB/s", "989.4 TFLOPS", "10 us", "80%" into base units.
enum QuantityParser {
    static let decimal: [Character: Double] = ["k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18]
    static let binary: [Character: Double] = [
        "K": 1024, "M": 1_048_576, "G": 1_073_741_824, "T": 1_099_511_627_776, "P": 1_125_899_906_842_624,
    ]

    /// The value in base units, or `nil` when the text is not a number with a unit of `D`.
    static func parse<D: QuantityDimension>(_ text: String, as dimension: D.Type) -> Double? {
        let trimmed = text.trimmingBlanks()
        let numberEnd = trimmed.firstIndex { !("0123456789.eE+-_".contains($0)) } ?? trimmed.endIndex
        var numberText = String(trimmed[..<numberEnd]).replacingAll("_", with: "")
        var unitText = trimmed[numberEnd...].trimmingBlanks()
        // "1e" followed by a unit letter: give the 'e' back (as in "2E" would be ambiguous; exponents need digits).
        if numberText.hasSuffix("e") || numberText.hasSuffix("E") {
            unitText = String(numberText.removeLast()) + unitText
        }
        guard let number = Double(numberText), number.isFinite else { return nil }
        if unitText.isEmpty { return number }
        if let factor = D.units[unitText] { return number * factor }
        guard let prefix = unitText.first else { return nil }
        var rest = unitText.dropFirst()
        var scale: Double?
        if rest.first == "i" {
            scale = binary[prefix]
            rest = rest.dropFirst()
        } else {
            scale = decimal[prefix]
        }
        guard let scale, let factor = D.units[String(rest)] else { return nil }
        return number * scale * factor
    }
}
