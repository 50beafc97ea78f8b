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
        var header = try entries(text, path: path, fileIndex: fileIndex, dataBytes: file.size - 8 - Int(length))
        header.fileBytes = file.size
        return header
    }

    /// A tensor's members as the header states them, before they are checked.
    struct Declared {
        enum List { case missing, notArray, invalid, values([Int]) }
        var name: String
        /// Byte offset of the name's quote within the JSON text.
        var offset: Int
        /// The first `dtype` member's string; `nil` when there is none or it is not a string.
        var dtype: String?
        var dtypeSeen = false
        var shape = List.missing
        var dataOffsets = List.missing
    }

    /// The entries of a header's JSON text, walked without building a tree (a 1,000-shard checkpoint has
    /// 1,000 headers: a tree of small values for each cost more than reading the files).
    static func entries(_ text: [UInt8], path: String, fileIndex: Int, dataBytes: Int) throws(CheckpointError) -> Header {
        var metadata: [String: String] = [:]
        var declared: [Declared] = []
        do {
            try text.withUnsafeBufferPointer { (bytes) throws(HeaderJSONError) in
                var parser = HeaderJSONParser(bytes: bytes)
                parser.skipSpace()
                guard parser.position < bytes.count, bytes[parser.position] == UInt8(ascii: "{") else {
                    _ = try parser.value(depth: 0)
                    throw HeaderJSONError(message: "header is not a JSON object", offset: 0)
                }
                try parser.members(depth: 0) { (parser, name, offset) throws(HeaderJSONError) in
                    if name == "__metadata__", parser.bytes[parser.position] == UInt8(ascii: "{") {
                        try parser.members(depth: 1) { (parser, key, _) throws(HeaderJSONError) in
                            metadata[key] = try parser.value(depth: 2).string
                        }
                        declared.append(Declared(name: name, offset: offset))
                        return
                    }
                    declared.append(try tensor(&parser, name: name, offset: offset))
                }
                parser.skipSpace()
                guard parser.position == bytes.count else {
                    throw HeaderJSONError(message: "unexpected text after the JSON value", offset: parser.position)
                }
            }
        } catch {
            if error.message == "header is not a JSON object" { throw CheckpointError(file: path, offset: 8, error.message) }
            throw CheckpointError(file: path, offset: 8 + error.offset, "header JSON: \(error.message)")
        }
        return try check(declared, metadata: metadata, path: path, fileIndex: fileIndex, dataBytes: dataBytes)
    }

    /// One tensor's object: `dtype`, `shape` and `data_offsets` read in place, any other member skipped.
    static func tensor(_ parser: inout HeaderJSONParser, name: String, offset: Int) throws(HeaderJSONError) -> Declared {
        var entry = Declared(name: name, offset: offset)
        guard parser.bytes[parser.position] == UInt8(ascii: "{") else {
            _ = try parser.value(depth: 1)
            return entry
        }
        try parser.members(depth: 1) { (parser, key, _) throws(HeaderJSONError) in
            func list(_ current: Declared.List) throws(HeaderJSONError) -> Declared.List {
                let isArray = parser.bytes[parser.position] == UInt8(ascii: "[")
                let values = try parser.naturals(depth: 2)
                guard case .missing = current else { return current }
                return isArray ? values.map { .values($0) } ?? .invalid : .notArray
            }
            switch key {
            case "dtype":
                let value = try parser.value(depth: 2)
                if !entry.dtypeSeen { entry.dtype = value.string; entry.dtypeSeen = true }
            case "shape": entry.shape = try list(entry.shape)
            case "data_offsets": entry.dataOffsets = try list(entry.dataOffsets)
            default: _ = try parser.value(depth: 2)
            }
        }
        return entry
    }

    static func check(_ declared: [Declared], metadata: [String: String], path: String, fileIndex: Int,
                      dataBytes: Int) throws(CheckpointError) -> Header {
        var header = Header(tensors: [], metadata: metadata)
        var seen: Set<String> = []
        var ranges: [(begin: Int, end: Int, index: Int, offset: Int)] = []
        header.tensors.reserveCapacity(declared.count)
        for entry in declared {
            let name = entry.name, offset = 8 + entry.offset
            func fail(_ message: String) -> CheckpointError {
                CheckpointError(file: path, offset: offset, "tensor '\(Escaping.short(name, limit: 120))': \(message)")
            }
            guard seen.insert(name).inserted else { throw fail("listed twice") }
            if name == "__metadata__" { continue }
            guard let dtypeName = entry.dtype else { throw fail("no dtype string") }
            guard let type = SafetensorsType.named(dtypeName) else {
                throw fail("unknown dtype '\(Escaping.short(dtypeName))'; safetensors dtypes are \(SafetensorsType.all.map(\.name).joined(separator: ", "))")
            }
            let shape: [Int]
            switch entry.shape {
            case .missing, .notArray: throw fail("no shape list")
            case .invalid: throw fail("shape holds a value that is not a non-negative integer")
            case .values(let values): shape = values
            }
            guard let elements = TensorEntry.product(shape) else { throw fail("shape \(shape) overflows") }
            guard case .values(let offsets) = entry.dataOffsets, offsets.count == 2, offsets[0] <= offsets[1] else {
                throw fail("data_offsets is not [begin, end] with begin <= end")
            }
            let (begin, end) = (offsets[0], offsets[1])
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
