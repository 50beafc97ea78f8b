#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a sharded checkpoint through its `model.safetensors.index.json`: `weight_map` names the shard of
/// each tensor, `metadata.total_size` is the bytes of tensor data (not a parameter count).
///
/// The index is walked, not built as a tree: a 1,000-shard index holds 10,000 entries whose shard names
/// repeat, so each value is compared with the previous one's bytes before any string is made; the shards'
/// headers are then read on every core (`ShardHeaders`).
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

    /// What the index lists: each tensor's shard (by position in `shards`), with the byte offset of its key.
    struct Listing {
        var shards: [String] = []
        var entries: [(name: String, shard: Int, offset: Int)] = []
        var totalSize: Int128?
        var sawWeightMap = false
    }

    static func read(path: String) throws(CheckpointError) -> Contents {
        let file = try CheckpointFile(path: path)
        guard file.size <= maxBytes else {
            throw CheckpointError(file: path, "index is too large (\(file.size) bytes; the limit is \(maxBytes) bytes)")
        }
        let text = try file.read(file.size, at: 0)
        let listing: Listing
        do {
            listing = try text.withUnsafeBufferPointer { (buffer) throws(HeaderJSONError) -> Listing in try walk(buffer) }
        } catch {
            throw CheckpointError(file: path, location: HeaderJSON.location(of: error.offset, in: text), error.message)
        }
        func fail(_ message: String, at offset: Int) -> CheckpointError {
            CheckpointError(file: path, location: HeaderJSON.location(of: offset, in: text), message)
        }
        let directory = PathText.parent(path)
        let headers = try ShardHeaders.read(listing.shards.map { PathText.join(directory, $0) })
        var tensors: [TensorEntry] = []
        tensors.reserveCapacity(headers.reduce(0) { $0 + $1.tensors.count })
        var fileBytes: Int128 = 0
        var shardOf: [String: Int] = [:]
        shardOf.reserveCapacity(tensors.capacity)
        for (index, header) in headers.enumerated() {
            for tensor in header.tensors {
                guard shardOf.updateValue(index, forKey: tensor.name) == nil else {
                    throw CheckpointError(file: PathText.join(directory, listing.shards[index]),
                                          "tensor '\(Escaping.short(tensor.name, limit: 120))' is also stored in another shard")
                }
            }
            tensors += header.tensors
            fileBytes += Int128(header.fileBytes)
        }
        for entry in listing.entries where shardOf[entry.name] != entry.shard {
            throw fail("tensor '\(Escaping.short(entry.name, limit: 120))' is listed in shard '\(Escaping.short(listing.shards[entry.shard]))' but not stored there", at: entry.offset)
        }
        return Contents(shards: listing.shards.map { PathText.join(directory, $0) }, tensors: tensors,
                        totalSize: listing.totalSize, fileBytes: fileBytes)
    }

    /// One pass over the index text: `weight_map` entries and `metadata.total_size`; every other member is
    /// parsed (so the document must be valid JSON) and dropped.
    static func walk(_ bytes: UnsafeBufferPointer<UInt8>) throws(HeaderJSONError) -> Listing {
        var parser = HeaderJSONParser(bytes: bytes)
        var listing = Listing()
        parser.skipSpace()
        guard parser.position < bytes.count, bytes[parser.position] == UInt8(ascii: "{") else {
            throw HeaderJSONError(message: "index has no weight_map object", offset: 0)
        }
        try parser.members(depth: 0) { (parser, key, offset) throws(HeaderJSONError) in
            switch key {
            case "weight_map" where bytes[parser.position] == UInt8(ascii: "{"):
                listing.sawWeightMap = true
                try weightMap(&parser, into: &listing)
            case "metadata" where bytes[parser.position] == UInt8(ascii: "{"):
                try parser.members(depth: 1) { (parser, key, _) throws(HeaderJSONError) in
                    let value = try parser.value(depth: 2)
                    if key == "total_size" { listing.totalSize = value.integer.map { Int128($0) } }
                }
            default:
                _ = try parser.value(depth: 1)
            }
        }
        parser.skipSpace()
        guard parser.position == bytes.count else {
            throw HeaderJSONError(message: "unexpected text after the JSON value", offset: parser.position)
        }
        guard listing.sawWeightMap else { throw HeaderJSONError(message: "index has no weight_map object", offset: 0) }
        return listing
    }

    /// `"tensor": "shard file"` pairs. Consecutive entries mostly name the same shard: its bytes are compared
    /// with the previous value's before a dictionary lookup or a new string.
    static func weightMap(_ parser: inout HeaderJSONParser, into listing: inout Listing) throws(HeaderJSONError) {
        var shardIndex: [String: Int] = [:]
        var previous: (content: UnsafeBufferPointer<UInt8>, index: Int)? = nil
        try parser.members(depth: 1) { (parser, name, offset) throws(HeaderJSONError) in
            guard parser.bytes[parser.position] == UInt8(ascii: "\"") else {
                let kind = try parser.value(depth: 2).kind
                throw HeaderJSONError(message: "weight_map entry '\(Escaping.short(name, limit: 120))' is \(kind), not a file name", offset: offset)
            }
            let start = parser.position
            let (content, plain) = try parser.stringBytes()
            if plain, let last = previous, last.content.count == content.count,
               content.isEmpty || memcmp(last.content.baseAddress!, content.baseAddress!, content.count) == 0 {
                listing.entries.append((name, last.index, offset))
                return
            }
            let shard = try parser.text(content, plain: plain, start: start)
            guard !shard.isEmpty, !shard.bytesContain("/"), shard != "..", shard != "." else {
                throw HeaderJSONError(message: "weight_map names shard '\(Escaping.short(shard))', which is not a file in the index's directory", offset: offset)
            }
            let index: Int
            if let known = shardIndex[shard] {
                index = known
            } else {
                index = listing.shards.count
                shardIndex[shard] = index
                listing.shards.append(shard)
            }
            previous = plain ? (content, index) : nil
            listing.entries.append((name, index, offset))
        }
    }
}
