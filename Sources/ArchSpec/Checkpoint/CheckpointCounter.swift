/// Counts a checkpoint's tensors into a `CheckpointSummary`: linear in the number of tensors.
enum CheckpointCounter {
    /// - Parameters:
    ///   - tensors: Every tensor of every shard.
    ///   - layers: Decoder layers when known (later layer indices are MTP layers).
    ///   - tiedEmbeddings: Whether the config ties the lm_head to the embedding (a saved lm_head is a copy).
    static func count(_ tensors: [TensorEntry], into summary: inout CheckpointSummary, layers: Int?,
                      tiedEmbeddings: Bool) throws(CheckpointError) {
        let packing = TensorPacking(tensors: tensors, quantization: summary.quantization, file: summary.path)
        // Names differ across layers only in their digits: classify each pattern once.
        var groups: [String: TensorGroup] = [:]
        func group(of name: String) -> TensorGroup {
            if let layers, let index = TensorNaming.layerIndex(name), index >= layers { return .mtp }
            let pattern = name.digitPattern
            if let known = groups[pattern] { return known }
            let found = TensorNaming.group(of: name)
            groups[pattern] = found
            return found
        }
        for tensor in tensors {
            summary.dtypes[tensor.type.name, default: .init()].add(tensor.name, elements: tensor.elements, bytes: tensor.bytes)
            switch try packing.role(of: tensor) {
            case .buffer:
                summary.buffers.add(tensor.name, elements: tensor.elements, bytes: tensor.bytes)
            case .overhead:
                summary.overhead.add(tensor.name, elements: tensor.elements, bytes: tensor.bytes)
            case .parameter(let logical, let kind):
                let group = group(of: baseName(tensor.name))
                if isCopy(tensor.name, group: group, tied: tiedEmbeddings) {
                    summary.tiedCopies.add(tensor.name, elements: logical, bytes: tensor.bytes)
                    continue
                }
                summary.groups[group, default: .init()].add(tensor.name, elements: logical, bytes: tensor.bytes)
                let label = kind == .ggml ? tensor.type.name : kind.rawValue
                summary.packings[label, default: .init()].add(tensor.name, elements: logical, bytes: tensor.bytes)
            }
        }
    }

    /// A prediction layer's own embedding and head (DeepSeek-V3 saves `model.layers.61.embed_tokens` and
    /// `shared_head.head`, copies of the main ones), and an lm_head saved although the config ties it.
    static func isCopy(_ name: String, group: TensorGroup, tied: Bool) -> Bool {
        if group == .mtp, name.bytesContain(".embed_tokens.") || name.bytesContain("shared_head.head") { return true }
        return tied && group == .lmHead && !name.bytesHaveSuffix(".bias")
    }

    /// The name without a packing suffix, for grouping.
    static func baseName(_ name: String) -> String {
        for suffix in ["_blocks", ".qweight"] where name.bytesHaveSuffix(suffix) { return String(name.dropLast(suffix.count)) }
        return name
    }
}
