/// Reads a `.safetensors` file's header: an 8-byte little-endian length, then that many bytes of JSON naming
/// each tensor's dtype, shape and `data_offsets` within the data that follows. Only the header is read.
enum SafetensorsReader {
    /// The reference implementation's cap on the header (`MAX_HEADER_SIZE` in huggingface/safetensors), bytes.
    static let maxHeaderBytes = 100_000_000

    struct Header {
        var tensors: [TensorEntry]
        /// `__metadata__`: free string pairs (`format: pt`).
        var metadata: [String: String]
        /// The file's size, bytes.
        var fileBytes = 0
    }

    /// Whether the first bytes look like safetensors: a binary length (text never holds a NUL byte, and any
    /// length below 2^56 has one) followed by a header starting with `{`.
    static func looksLike(_ prefix: [UInt8]) -> Bool {
        prefix.count >= 9 && prefix[8] == UInt8(ascii: "{") && prefix[0..<8].contains(0)
    }

    static func littleEndian(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
    }

    /// The header of one file.
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - fileIndex: The file's index in the checkpoint, stored in each entry.
    /// - Throws: `CheckpointError` naming the byte offset for every malformed header.
    static func read(path: String, fileIndex: Int = 0) throws(CheckpointError) -> Header {
        let file = try CheckpointFile(path: path)
        guard file.size >= 8 else { throw CheckpointError(file: path, offset: 0, "truncated file: \(file.size) bytes, no 8-byte header length") }
        let length = littleEndian(try file.read(8, at: 0), at: 0)
        guard length <= UInt64(maxHeaderBytes) else {
            throw CheckpointError(file: path, offset: 0, "header length \(length) bytes exceeds the limit of \(maxHeaderBytes) bytes")
        }
        guard Int(length) <= file.size - 8 else {
            throw CheckpointError(file: path, offset: 0, "header length \(length) bytes runs past the end of the file (\(file.size) bytes)")
        }
        let text = try file.read(Int(length), at: 8)
        guard text.first == UInt8(ascii: "{") else { throw CheckpointError(file: path, offset: 8, "header does not start with '{'") }
        let root: HeaderJSON
        do { root = try HeaderJSON.parse(text) } catch {
            throw CheckpointError(file: path, offset: 8 + error.offset, "header JSON: \(error.message)")
        }
        var header = try entries(root, path: path, fileIndex: fileIndex, dataBytes: file.size - 8 - Int(length))
        header.fileBytes = file.size
        return header
    }

    static func entries(_ root: HeaderJSON, path: String, fileIndex: Int, dataBytes: Int) throws(CheckpointError) -> Header {
        guard let members = root.members else { throw CheckpointError(file: path, offset: 8, "header is not a JSON object") }
        var header = Header(tensors: [], metadata: [:])
        var seen: Set<String> = []
        var ranges: [(begin: Int, end: Int, index: Int, offset: Int)] = []
        header.tensors.reserveCapacity(members.count)
        for (name, value, at) in members {
            let offset = 8 + at
            func fail(_ message: String) -> CheckpointError {
                CheckpointError(file: path, offset: offset, "tensor '\(Escaping.short(name, limit: 120))': \(message)")
            }
            guard seen.insert(name).inserted else { throw fail("listed twice") }
            if name == "__metadata__" {
                for (key, item, _) in value.members ?? [] { header.metadata[key] = item.string }
                continue
            }
            guard let dtypeName = value["dtype"]?.string else { throw fail("no dtype string") }
            guard let type = SafetensorsType.named(dtypeName) else {
                throw fail("unknown dtype '\(Escaping.short(dtypeName))'; safetensors dtypes are \(SafetensorsType.all.map(\.name).joined(separator: ", "))")
            }
            guard let dims = value["shape"]?.array else { throw fail("no shape list") }
            let shape = dims.compactMap(\.integer)
            guard shape.count == dims.count else { throw fail("shape holds a value that is not a non-negative integer") }
            guard let elements = TensorEntry.product(shape) else { throw fail("shape \(shape) overflows") }
            guard let offsets = value["data_offsets"]?.array, offsets.count == 2,
                  let begin = offsets[0].integer, let end = offsets[1].integer, begin <= end else {
                throw fail("data_offsets is not [begin, end] with begin <= end")
            }
            guard end <= dataBytes else { throw fail("data_offsets [\(begin), \(end)] run past the end of the data (\(dataBytes) bytes)") }
            guard let bytes = type.bytes(elements: elements), bytes == Int128(end - begin) else {
                throw fail("shape \(shape) of \(dtypeName) needs \(type.bytes(elements: elements).map { "\($0)" } ?? "a non-whole number of") bytes, data_offsets hold \(end - begin)")
            }
            ranges.append((begin, end, header.tensors.count, offset))
            header.tensors.append(TensorEntry(name: name, type: type, shape: shape, elements: elements, bytes: bytes, file: fileIndex))
        }
        ranges.sort { $0.begin != $1.begin ? $0.begin < $1.begin : $0.end < $1.end }
        var previous = 0, previousName = ""
        for range in ranges where range.end > range.begin {
            guard range.begin >= previous else {
                throw CheckpointError(file: path, offset: range.offset,
                    "tensor '\(Escaping.short(header.tensors[range.index].name, limit: 120))': data_offsets [\(range.begin), \(range.end)] overlap tensor '\(Escaping.short(previousName, limit: 120))' (ending at \(previous))")
            }
            previous = range.end
            previousName = header.tensors[range.index].name
        }
        return header
    }
}
