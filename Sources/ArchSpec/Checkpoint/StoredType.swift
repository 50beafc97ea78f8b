/// How one stored element type is laid out: elements per block and bytes per block.
///
/// Safetensors types are one element per block of `bits / 8` bytes (sub-byte types pack elements: `F4`
/// stores two per byte). GGML types are ggml's `type_traits` (`blck_size`, `type_size`): a Q4_K block holds
/// 256 weights in 144 bytes, 4.5 bits per weight.
public struct StoredType: Hashable, Sendable {
    /// The name as the file spells it (`BF16`, `Q4_K`).
    public var name: String
    /// Elements per block.
    public var blockElements: Int
    /// Bits per block (bits rather than bytes so sub-byte safetensors types are exact).
    public var blockBits: Int

    /// Bits per element, rounded to hundredths for display.
    public var bitsPerElement: Double { Double(blockBits) / Double(blockElements) }

    /// Bytes that `elements` occupy, or `nil` when they do not fill whole blocks and bytes.
    public func bytes(elements: Int128) -> Int128? {
        let blocks = Int128(blockElements), bits = Int128(blockBits)
        guard elements % blocks == 0 else { return nil }
        let (product, overflow) = (elements / blocks).multipliedReportingOverflow(by: bits)
        guard !overflow, product % 8 == 0 else { return nil }
        return product / 8
    }
}

/// The dtypes of the safetensors format (`Dtype` in huggingface/safetensors).
enum SafetensorsType {
    static let all: [StoredType] = [
        ("BOOL", 8), ("F4", 4), ("F6_E2M3", 6), ("F6_E3M2", 6), ("U8", 8), ("I8", 8), ("F8_E5M2", 8),
        ("F8_E4M3", 8), ("F8_E8M0", 8), ("I16", 16), ("U16", 16), ("F16", 16), ("BF16", 16), ("I32", 32),
        ("U32", 32), ("F32", 32), ("C64", 64), ("F64", 64), ("I64", 64), ("U64", 64),
    ].map { StoredType(name: $0.0, blockElements: 1, blockBits: $0.1) }

    static func named(_ name: String) -> StoredType? { all.first { $0.name == name } }
}

/// The tensor types of GGUF files, by their numeric id (`ggml_type`); block sizes and type sizes from ggml's
/// `type_traits` (ggml/src/ggml.c) and gguf-py's `GGML_QUANT_SIZES`.
enum GGMLType {
    /// id, name, block elements, block bytes.
    static let table: [(id: UInt32, name: String, block: Int, bytes: Int)] = [
        (0, "F32", 1, 4), (1, "F16", 1, 2), (2, "Q4_0", 32, 18), (3, "Q4_1", 32, 20), (6, "Q5_0", 32, 22),
        (7, "Q5_1", 32, 24), (8, "Q8_0", 32, 34), (9, "Q8_1", 32, 36), (10, "Q2_K", 256, 84), (11, "Q3_K", 256, 110),
        (12, "Q4_K", 256, 144), (13, "Q5_K", 256, 176), (14, "Q6_K", 256, 210), (15, "Q8_K", 256, 292),
        (16, "IQ2_XXS", 256, 66), (17, "IQ2_XS", 256, 74), (18, "IQ3_XXS", 256, 98), (19, "IQ1_S", 256, 50),
        (20, "IQ4_NL", 32, 18), (21, "IQ3_S", 256, 110), (22, "IQ2_S", 256, 82), (23, "IQ4_XS", 256, 136),
        (24, "I8", 1, 1), (25, "I16", 1, 2), (26, "I32", 1, 4), (27, "I64", 1, 8), (28, "F64", 1, 8),
        (29, "IQ1_M", 256, 56), (30, "BF16", 1, 2), (34, "TQ1_0", 256, 54), (35, "TQ2_0", 256, 66),
        (39, "MXFP4", 32, 17), (40, "NVFP4", 64, 36), (41, "Q1_0", 128, 18),
    ]

    static func type(id: UInt32) -> StoredType? {
        guard let row = table.first(where: { $0.id == id }) else { return nil }
        return StoredType(name: row.name, blockElements: row.block, blockBits: row.bytes * 8)
    }
}
