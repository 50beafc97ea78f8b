/// Reads a sharded checkpoint through its `model.safetensors.index.json`: `weight_map` names the shard of
/// each tensor, `metadata.total_size` is the bytes of tensor data (not a parameter count).
enum SafetensorsIndex {
    /// The largest index read, bytes (DeepSeek-V3's is 9 MB).
    static let maxBytes = 256 << 20

    struct Contents {
        var shards: [String]
        var tensors: [TensorEntry]
        var totalSize: Int128?
        /// Sum of the shards' sizes, bytes.
        var fileBytes: Int128 = 0
    }

    static func read(path: String) throws(CheckpointError) -> Contents {
        let file = try CheckpointFile(path: path)
        guard file.size <= maxBytes else {
            throw CheckpointError(file: path, "index is too large (\(file.size) bytes; the limit is \(maxBytes) bytes)")
        }
        let text = try file.read(file.size, at: 0)
        let root: HeaderJSON
        do { root = try HeaderJSON.parse(text) } catch {
            throw CheckpointError(file: path, location: HeaderJSON.location(of: error.offset, in: text), error.message)
        }
        func fail(_ message: String, at offset: Int) -> CheckpointError {
            CheckpointError(file: path, location: HeaderJSON.location(of: offset, in: text), message)
        }
        guard let map = root.member("weight_map"), let entries = map.value.members else {
            throw fail("index has no weight_map object", at: 0)
        }
        let directory = PathText.parent(path)
        var shardOrder: [String] = [], shardIndex: [String: Int] = [:]
        var expected: [(name: String, shard: Int, offset: Int)] = []
        expected.reserveCapacity(entries.count)
        for (name, value, offset) in entries {
            guard let shard = value.string else { throw fail("weight_map entry '\(Escaping.short(name, limit: 120))' is \(value.kind), not a file name", at: offset) }
            guard !shard.isEmpty, !shard.bytesContain("/"), shard != "..", shard != "." else {
                throw fail("weight_map names shard '\(Escaping.short(shard))', which is not a file in the index's directory", at: offset)
            }
            if shardIndex[shard] == nil {
                shardIndex[shard] = shardOrder.count
                shardOrder.append(shard)
            }
            expected.append((name, shardIndex[shard]!, offset))
        }
        var tensors: [TensorEntry] = []
        var fileBytes: Int128 = 0
        var shardOf: [String: Int] = [:]
        for (index, shard) in shardOrder.enumerated() {
            let header = try SafetensorsReader.read(path: PathText.join(directory, shard), fileIndex: index)
            for tensor in header.tensors {
                guard shardOf.updateValue(index, forKey: tensor.name) == nil else {
                    throw CheckpointError(file: PathText.join(directory, shard), "tensor '\(Escaping.short(tensor.name, limit: 120))' is also stored in another shard")
                }
            }
            tensors += header.tensors
            fileBytes += Int128(header.fileBytes)
        }
        for entry in expected where shardOf[entry.name] != entry.shard {
            throw fail("tensor '\(Escaping.short(entry.name, limit: 120))' is listed in shard '\(Escaping.short(shardOrder[entry.shard]))' but not stored there", at: entry.offset)
        }
        let total = root["metadata"]?["total_size"]?.integer.map { Int128($0) }
        return Contents(shards: shardOrder.map { PathText.join(directory, $0) }, tensors: tensors, totalSize: total,
                        fileBytes: fileBytes)
    }
}
