/// How one stored tensor maps to logical parameters: packed formats hold several weights per stored element,
/// and their scales, zero points and lookup tables are quantisation overhead, not parameters.
enum TensorRole: Hashable, Sendable {
    /// Weights (or plain parameters): `logical` parameters stored as `packing`.
    case parameter(logical: Int128, packing: Packing)
    /// Scales, zero points, group indices, quantisation state.
    case overhead
    /// Buffers saved with the weights (rotary frequencies, masks).
    case buffer
}

/// The packed formats archcalc unpacks.
enum Packing: String, Hashable, Sendable, CaseIterable {
    case none = "plain"
    case gptq = "GPTQ/AWQ int32"
    case mxfp4 = "MXFP4 blocks"
    case nvfp4 = "NVFP4 (2 per byte)"
    case mlx = "MLX uint32"
    case bnb4 = "bitsandbytes 4-bit"
    case bnb8 = "bitsandbytes int8"
    case ggml = "GGML blocks"
}

/// Decides each tensor's role from its name, dtype, its siblings' names and the quantisation config.
struct TensorPacking {
    let names: Set<String>
    let types: [String: String]
    let quantization: QuantizationConfig?
    let file: String

    init(tensors: [TensorEntry], quantization: QuantizationConfig?, file: String) {
        // Siblings are looked up only for tensors off the common path; a plain checkpoint builds no index.
        var types: [String: String] = [:]
        if tensors.contains(where: { !Self.isCommon($0) }) {
            types.reserveCapacity(tensors.count)
            for tensor in tensors { types[tensor.name] = tensor.type.name }
        }
        self.types = types
        names = Set(types.keys)
        self.quantization = quantization
        self.file = file
    }

    /// Whether a stored type is a floating-point type, which no packed format uses for its weights.
    static func isFloat(_ type: StoredType) -> Bool {
        switch type.name {
        case "F16", "BF16", "F32", "F64": true
        default: false
        }
    }

    /// A tensor whose role needs no sibling: a buffer, a GGML block type, or a float weight or bias.
    static func isCommon(_ tensor: TensorEntry) -> Bool {
        TensorNaming.isBuffer(tensor.name, shape: tensor.shape) || tensor.type.blockElements > 1
            || isFloat(tensor.type) && (tensor.name.bytesHaveSuffix(".weight") || tensor.name.bytesHaveSuffix(".bias"))
    }

    static let overheadSuffixes = [
        ".qzeros", ".g_idx", ".weight_scale", ".weight_scale_inv", ".weight_scale_2", ".input_scale", ".k_scale",
        ".v_scale", ".weight_zero_point", ".scb", ".weight_format", ".absmax", ".quant_map", ".nested_absmax",
        ".nested_quant_map", ".weight_global_scale", ".input_global_scale",
    ]

    func role(of tensor: TensorEntry) throws(CheckpointError) -> TensorRole {
        let name = tensor.name
        if TensorNaming.isBuffer(name, shape: tensor.shape) { return .buffer }
        if tensor.type.blockElements > 1 { return .parameter(logical: tensor.elements, packing: .ggml) }
        // The common case: a floating-point weight or bias, which no packed format uses for its weights.
        if Self.isFloat(tensor.type), name.bytesHaveSuffix(".weight") || name.bytesHaveSuffix(".bias") {
            return .parameter(logical: tensor.elements, packing: .none)
        }
        let lower = name.asciiLowercased
        if Self.overheadSuffixes.contains(where: { lower.bytesHaveSuffix($0) }) || lower.bytesContain(".quant_state.") { return .overhead }
        if let base = strip(name, ".scales") ?? strip(name, ".biases"),
           names.contains(base + ".qweight") || types[base + ".weight"] == "U32" {
            return .overhead
        }
        if let base = strip(name, "_scales"), names.contains(base + "_blocks") { return .overhead }
        if let module = strip(name, ".qweight") {
            return .parameter(logical: try unpack(tensor, bits: quantization?.bits(for: module), module: module), packing: .gptq)
        }
        if let base = strip(name, "_blocks"), tensor.type.name == "U8", names.contains(base + "_scales") {
            return .parameter(logical: tensor.elements * 2, packing: .mxfp4)
        }
        guard let module = strip(name, ".weight") else { return .parameter(logical: tensor.elements, packing: .none) }
        switch tensor.type.name {
        case "U32" where names.contains(module + ".scales"):
            return .parameter(logical: try unpack(tensor, bits: quantization?.bits(for: module), module: module), packing: .mlx)
        case "U8" where names.contains(name + ".absmax")
            || names.contains(name + ".quant_state.bitsandbytes__nf4") || names.contains(name + ".quant_state.bitsandbytes__fp4"):
            return .parameter(logical: tensor.elements * 2, packing: .bnb4)
        case "U8" where names.contains(module + ".weight_scale"):
            return .parameter(logical: tensor.elements * 2, packing: .nvfp4)
        case "I8" where names.contains(module + ".SCB"):
            return .parameter(logical: tensor.elements, packing: .bnb8)
        default:
            return .parameter(logical: tensor.elements, packing: .none)
        }
    }

    /// Weights in a tensor of 32-bit words each packing 32 / bits values.
    func unpack(_ tensor: TensorEntry, bits: Int?, module: String) throws(CheckpointError) -> Int128 {
        guard let bits else {
            throw CheckpointError(file: file, "tensor '\(Escaping.short(tensor.name, limit: 120))' packs weights into \(tensor.type.name) words but config.json states no quantisation bits (quantization_config.bits or quantization.bits)")
        }
        guard [2, 3, 4, 5, 6, 8].contains(bits), tensor.type.blockBits == 32 else {
            throw CheckpointError(file: file, "tensor '\(Escaping.short(tensor.name, limit: 120))': \(bits)-bit packing into \(tensor.type.name) is not supported (2, 3, 4, 5, 6 or 8 bits into 32-bit words)")
        }
        let total = tensor.elements * 32
        guard total % Int128(bits) == 0 else {
            throw CheckpointError(file: file, "tensor '\(Escaping.short(tensor.name, limit: 120))': \(tensor.elements) words do not hold a whole number of \(bits)-bit weights")
        }
        return total / Int128(bits)
    }

    func strip(_ name: String, _ suffix: String) -> String? {
        name.bytesHaveSuffix(suffix) ? String(name.dropLast(suffix.count)) : nil
    }
}
