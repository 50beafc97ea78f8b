/// What `config.json` (or `hf_quant_config.json`, `quantize_config.json`) says about packed weights: the
/// bits that GPTQ, AWQ and MLX pack into 32-bit words, which a header alone does not state.
public struct QuantizationConfig: Hashable, Sendable {
    /// `quant_method` (`gptq`, `awq`, `mxfp4`, `bitsandbytes`, `fp8`, `modelopt`) or `mlx`.
    public var method: String?
    /// Bits per packed weight (`bits`, `w_bit`).
    public var bits: Int?
    /// Weights per scale (`group_size`, `q_group_size`).
    public var groupSize: Int?
    /// MLX: bits per module path where a layer differs from the default (`"model.embed_tokens": {"bits": 6}`).
    public var bitsByModule: [String: Int] = [:]

    public init(method: String? = nil, bits: Int? = nil, groupSize: Int? = nil) {
        self.method = method
        self.bits = bits
        self.groupSize = groupSize
    }

    /// Bits for a packed tensor whose module path is `module` (the name without `.weight`/`.qweight`).
    func bits(for module: String) -> Int? { bitsByModule[module] ?? bits }

    /// Reads the quantisation keys of a parsed config.
    static func read(_ root: HeaderJSON) -> QuantizationConfig? {
        if let q = root["quantization_config"] ?? root["quantization"] {
            var config = QuantizationConfig(
                method: q["quant_method"]?.string ?? q["quant_algo"]?.string ?? (root["quantization"] != nil ? "mlx" : nil),
                bits: q["bits"]?.integer ?? q["w_bit"]?.integer ?? q["weight_bits"]?.integer,
                groupSize: q["group_size"]?.integer ?? q["q_group_size"]?.integer)
            if config.method == nil, q["load_in_4bit"]?.bool == true { config.method = "bitsandbytes" }
            for (key, value, _) in q.members ?? [] {
                if let bits = value["bits"]?.integer { config.bitsByModule[key] = bits }
            }
            return config
        }
        // modelopt's hf_quant_config.json: {"quantization": {"quant_algo": "NVFP4"}} is read above;
        // quantize_config.json (AutoGPTQ) holds the keys at the top level.
        if let bits = root["bits"]?.integer {
            return QuantizationConfig(method: root["quant_method"]?.string ?? "gptq", bits: bits, groupSize: root["group_size"]?.integer)
        }
        return nil
    }
}
