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

    /// Accepted spellings besides the canonical name (`float16`, `bfloat16`, ...), as Hugging Face configs write them.
    public static func parse(_ text: String) -> DType? {
        if let exact = DType(rawValue: text) { return exact }
        switch text.lowercased() {
        case "float32", "f32": return .fp32
        case "float16", "half", "f16": return .fp16
        case "bfloat16": return .bf16
        case "float8", "fp8_e4m3", "float8_e4m3fn", "e4m3": return .fp8
        default: return nil
        }
    }
}
