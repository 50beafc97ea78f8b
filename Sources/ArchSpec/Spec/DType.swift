/// A numeric storage format for weights or the KV cache.
public enum DType: String, Hashable, Codable, Sendable, CaseIterable {
    case fp32, fp16, bf16, fp8, int8, int4

    /// Storage bits per element, scales excluded.
    public var bits: Int {
        switch self {
        case .fp32: 32
        case .fp16, .bf16: 16
        case .fp8, .int8: 8
        case .int4: 4
        }
    }

    /// Bytes for `count` elements, rounded up to whole bytes.
    public func bytes(for count: Int128) -> Int128 {
        (count * Int128(bits) + 7) / 8
    }

    /// Other spellings of the dtypes, as Hugging Face configs and PyTorch write them (`float16`, `bfloat16`).
    public static let aliases: [(spelling: String, dtype: DType)] = [
        ("float32", .fp32), ("f32", .fp32), ("float16", .fp16), ("half", .fp16), ("f16", .fp16), ("bfloat16", .bf16),
        ("float8", .fp8), ("fp8_e4m3", .fp8), ("float8_e4m3fn", .fp8), ("e4m3", .fp8),
    ]

    /// Every spelling an archspec file may write, canonical names first: the loader accepts exactly these and
    /// the JSON Schema lists them.
    public static let spellings: [(spelling: String, dtype: DType)] = allCases.map { ($0.rawValue, $0) } + aliases

    /// The dtype `text` spells exactly (a canonical name or an alias), as an archspec file must write it.
    public static func spelled(_ text: String) -> DType? {
        spellings.first { $0.spelling == text }?.dtype
    }

    /// A dtype from a Hugging Face config or a flag: the exact spellings, and aliases in any letter case
    /// (`Float16`, `BFLOAT16`).
    public static func parse(_ text: String) -> DType? {
        if let exact = spelled(text) { return exact }
        let lower = text.lowercased()
        return aliases.first { $0.spelling == lower }?.dtype
    }
}
