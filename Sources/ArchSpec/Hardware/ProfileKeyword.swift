/// A closed set of words a hardware profile names a choice with (`allreduce: nccl`, `launch: eager`): decoding
/// any other word fails with the word (escaped, shortened) and the words it could have been.
public protocol ProfileKeyword: RawRepresentable<String>, CaseIterable, Decodable {
    /// What one value is, for the error: "an all-reduce".
    static var kindName: String { get }
}

extension ProfileKeyword {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            let words = Self.allCases.map(\.rawValue).joined(separator: " or ")
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(Escaping.short(text, limit: 40))' is not \(Self.kindName); use \(words)")
        }
        self = value
    }
}
