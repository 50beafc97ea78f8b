/// A hardware figure with the document it came from.
///
/// In YAML a figure is a number in base units (`3.35e12`), a string with a unit (`"3.35 TB/s"`), or a mapping
/// `{value: "3.35 TB/s", source: "NVIDIA H100 datasheet"}`. Encoding writes the mapping form when a source is
/// known. `D` fixes the dimension, so a bandwidth written where a capacity belongs is an error.
public struct Sourced<D: QuantityDimension>: Hashable, Codable, Sendable {
    /// The figure in base units (bytes, bytes/s, FLOP/s, seconds, or a fraction).
    public var value: Double
    /// Where the figure comes from: a datasheet name and URL, "derived: ..." or "measured: ...".
    public var source: String?

    public init(_ value: Double, source: String? = nil) {
        self.value = value
        self.source = source
    }

    enum CodingKeys: String, CodingKey { case value, source }

    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: CodingKeys.self) {
            self.value = try Self.decodeValue(keyed.superDecoder(forKey: .value))
            self.source = try keyed.decodeIfPresent(String.self, forKey: .source)
        } else {
            self.value = try Self.decodeValue(decoder)
            self.source = nil
        }
    }

    private static func decodeValue(_ decoder: any Decoder) throws -> Double {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            guard number.isFinite, number >= 0 else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "\(D.noun) must be a finite non-negative number, got \(number)")
            }
            return number
        }
        let text = try container.decode(String.self)
        guard let parsed = QuantityParser.parse(text, as: D.self), parsed >= 0 else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(Escaping.short(text, limit: 40))' is not \(D.noun); write it like \(D.example)")
        }
        return parsed
    }

    public func encode(to encoder: any Encoder) throws {
        if let source {
            var keyed = encoder.container(keyedBy: CodingKeys.self)
            try keyed.encode(value, forKey: .value)
            try keyed.encode(source, forKey: .source)
        } else {
            var single = encoder.singleValueContainer()
            try single.encode(value)
        }
    }
}
