/// Reads a GGUF file's header (versions 2 and 3): magic `GGUF`, version, tensor count, metadata count, the
/// metadata key-value pairs and the tensor infos (name, dimensions, ggml type, offset). Tensor data, which
/// starts at the next multiple of `general.alignment` (default 32), is never read.
enum GGUFReader {
    struct Header {
        var version: Int
        var metadata: GGUFMetadata
        var tensors: [TensorEntry]
    }

    /// At most this many tensors or metadata entries, whatever the file size (real files have under 100,000).
    static let maxTensors = 1_000_000
    static let maxKeyBytes = 65_536

    static func looksLike(_ prefix: [UInt8]) -> Bool { prefix.starts(with: Array("GGUF".utf8)) }

    /// - Throws: `CheckpointError` with the byte offset of the first malformed field.
    static func read(path: String, fileIndex: Int = 0) throws(CheckpointError) -> Header {
        let file = try CheckpointFile(path: path)
        var cursor = GGUFCursor(file: file)
        guard file.size >= 24 else { throw cursor.fail("truncated file: \(file.size) bytes, shorter than a GGUF header") }
        guard try cursor.u32() == 0x4655_4747 else { throw cursor.fail("not a GGUF file (no GGUF magic)", at: 0) }
        let version = try cursor.u32()
        guard version == 2 || version == 3 else {
            throw cursor.fail("GGUF version \(version) is not supported (versions 2 and 3 are)", at: 4)
        }
        let tensorCount = try cursor.u64()
        let keyCount = try cursor.u64()
        // Each tensor info takes at least 24 bytes and each metadata entry 13: counts must fit the file.
        guard tensorCount <= UInt64(maxTensors), tensorCount <= UInt64(cursor.remaining / 24) else {
            throw cursor.fail("tensor count \(tensorCount) exceeds what the file can hold (limit \(maxTensors))", at: 8)
        }
        guard keyCount <= UInt64(maxTensors), keyCount <= UInt64(cursor.remaining / 13) else {
            throw cursor.fail("metadata count \(keyCount) exceeds what the file can hold (limit \(maxTensors))", at: 16)
        }
        var metadata = GGUFMetadata()
        for _ in 0..<Int(keyCount) {
            let at = cursor.offset
            guard let key = try cursor.string(keep: maxKeyBytes, what: "metadata key") else {
                throw cursor.fail("metadata key longer than \(maxKeyBytes) bytes", at: at)
            }
            let typeAt = cursor.offset
            let type = try cursor.u32()
            guard type <= 12 else { throw cursor.fail("unknown metadata value type \(type)", at: typeAt) }
            let value = try cursor.value(type: type)
            guard metadata.values.updateValue(value, forKey: key) == nil else {
                throw cursor.fail("metadata key '\(Escaping.short(key))' written twice", at: at)
            }
        }
        var infos: [(entry: TensorEntry, offset: UInt64, at: Int)] = []
        infos.reserveCapacity(Int(tensorCount))
        var names: Set<String> = []
        for _ in 0..<Int(tensorCount) {
            let info = try tensorInfo(&cursor, fileIndex: fileIndex)
            guard names.insert(info.entry.name).inserted else {
                throw cursor.fail("tensor '\(Escaping.short(info.entry.name, limit: 120))' listed twice", at: info.at)
            }
            infos.append(info)
        }
        let alignment = metadata.int("general.alignment") ?? 32
        guard alignment > 0, alignment <= 1 << 20, alignment & (alignment - 1) == 0 else {
            throw cursor.fail("general.alignment \(alignment) is not a power of two up to 1 MiB")
        }
        let dataStart = (cursor.offset + alignment - 1) / alignment * alignment
        try checkRanges(infos, dataBytes: max(0, file.size - dataStart), alignment: alignment, cursor: cursor)
        return Header(version: Int(version), metadata: metadata, tensors: infos.map(\.entry))
    }

    static func tensorInfo(_ cursor: inout GGUFCursor, fileIndex: Int) throws(CheckpointError) -> (entry: TensorEntry, offset: UInt64, at: Int) {
        let at = cursor.offset
        guard let name = try cursor.string(keep: maxKeyBytes, what: "tensor name") else {
            throw cursor.fail("tensor name longer than \(maxKeyBytes) bytes", at: at)
        }
        func fail(_ message: String) -> CheckpointError {
            cursor.fail("tensor '\(Escaping.short(name, limit: 120))': \(message)", at: at)
        }
        let dimensions = try cursor.u32()
        guard dimensions <= 8 else { throw fail("\(dimensions) dimensions (ggml has at most 4)") }
        var shape: [Int] = []
        for _ in 0..<dimensions {
            let size = try cursor.u64()
            guard size <= UInt64(Int.max) else { throw fail("dimension \(size) is too large") }
            shape.append(Int(size))
        }
        let typeID = try cursor.u32()
        guard let type = GGMLType.type(id: typeID) else {
            throw fail("unknown ggml type \(typeID); known: \(GGMLType.table.map { "\($0.name) (\($0.id))" }.joined(separator: ", "))")
        }
        let offset = try cursor.u64()
        guard let elements = TensorEntry.product(shape) else { throw fail("shape \(shape) overflows") }
        guard (shape.first ?? 1) % type.blockElements == 0, let bytes = type.bytes(elements: elements) else {
            throw fail("first dimension \(shape.first ?? 1) is not a multiple of \(type.name)'s block of \(type.blockElements)")
        }
        return (TensorEntry(name: name, type: type, shape: shape, elements: elements, bytes: bytes, file: fileIndex), offset, at)
    }

    /// Data ranges must be aligned, inside the file and disjoint.
    static func checkRanges(_ infos: [(entry: TensorEntry, offset: UInt64, at: Int)], dataBytes: Int, alignment: Int,
                            cursor: GGUFCursor) throws(CheckpointError) {
        var order = infos.indices.map { $0 }
        order.sort { infos[$0].offset < infos[$1].offset }
        var previousEnd: Int128 = 0
        var previousName = ""
        for index in order {
            let info = infos[index]
            let name = Escaping.short(info.entry.name, limit: 120)
            let begin = Int128(info.offset), end = begin + info.entry.bytes
            guard info.offset % UInt64(alignment) == 0 else {
                throw cursor.fail("tensor '\(name)': data offset \(info.offset) is not a multiple of the alignment \(alignment)", at: info.at)
            }
            guard end <= Int128(dataBytes) else {
                throw cursor.fail("tensor '\(name)': data [\(begin), \(end)) runs past the end of the data (\(dataBytes) bytes)", at: info.at)
            }
            guard info.entry.bytes == 0 || begin >= previousEnd else {
                throw cursor.fail("tensor '\(name)': data at \(begin) overlaps tensor '\(Escaping.short(previousName, limit: 120))' (ending at \(previousEnd))", at: info.at)
            }
            if info.entry.bytes > 0 {
                previousEnd = end
                previousName = info.entry.name
            }
        }
    }
}
