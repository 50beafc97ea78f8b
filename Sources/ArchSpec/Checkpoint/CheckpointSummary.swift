/// The container formats archcalc reads.
public enum CheckpointFormat: String, Hashable, Codable, Sendable {
    case safetensors, gguf
}

/// Exact counts read from a checkpoint's headers: stored elements per dtype, logical parameters per tensor
/// group, quantisation overhead, buffers and tied copies kept apart, bytes on disk.
public struct CheckpointSummary: Hashable, Sendable {
    /// Tensors, elements and bytes of one kind.
    public struct Part: Hashable, Sendable {
        public var tensors = 0
        /// Stored elements (dtype counts) or logical parameters (groups).
        public var elements: Int128 = 0
        /// Bytes of tensor data.
        public var bytes: Int128 = 0
        /// The first few tensor names, as evidence.
        public var examples: [String] = []

        mutating func add(_ name: String, elements: Int128, bytes: Int128) {
            tensors += 1
            self.elements += elements
            self.bytes += bytes
            if examples.count < 3 { examples.append(name) }
        }
    }

    /// The path the user named.
    public var path: String
    public var format: CheckpointFormat
    /// The files read (shards), in order.
    public var files: [String]
    /// Sum of the files' sizes, bytes.
    public var bytesOnDisk: Int128 = 0
    /// Stored elements per dtype (`BF16`, `U32`, `Q4_K`), summed over every tensor and shard.
    public var dtypes: [String: Part] = [:]
    /// Logical parameters per group.
    public var groups: [TensorGroup: Part] = [:]
    /// Logical parameters per packing format.
    public var packings: [String: Part] = [:]
    /// Scales, zero points and quantisation state: not parameters.
    public var overhead = Part()
    /// Buffers saved with the weights: not parameters.
    public var buffers = Part()
    /// Copies of another tensor (a tied lm_head saved anyway, an MTP layer's embedding and head): not counted.
    public var tiedCopies = Part()
    /// The quantisation that config.json states.
    public var quantization: QuantizationConfig?
    /// The index's `metadata.total_size`: bytes of tensor data, not parameters.
    public var indexTotalSize: Int128?
    /// The architecture named by the checkpoint (GGUF `general.architecture`, config `model_type`).
    public var architecture: String?
    /// GGUF: the file's metadata.
    public var metadata: GGUFMetadata?

    /// Logical parameters: the sum over groups.
    public var parameters: Int128 { groups.values.reduce(0) { $0 + $1.elements } }
    /// Every tensor.
    public var tensorCount: Int { dtypes.values.reduce(0) { $0 + $1.tensors } }
    /// Bytes of parameter tensors plus their quantisation overhead.
    public var weightBytes: Int128 { groups.values.reduce(overhead.bytes) { $0 + $1.bytes } }
    /// Bits per parameter on disk, overhead included; `nil` without parameters.
    public var bitsPerWeight: Double? {
        parameters > 0 ? Double(weightBytes * 8) / Double(parameters) : nil
    }

    /// Parameters of one group (0 when absent).
    public func parameters(_ group: TensorGroup) -> Int128 { groups[group]?.elements ?? 0 }
}
