import Foundation

/// Writes small checkpoints for tests: safetensors files (header plus a sparse data region made with
/// `ftruncate`, so "large" files cost no disk) and GGUF files. Shared by both test targets (symlinked).
enum CheckpointWriter {
    /// One tensor to write: name, dtype (safetensors name or ggml id), shape as the format lists it.
    struct Tensor {
        var name: String
        var dtype: String
        var shape: [Int]
        init(_ name: String, _ dtype: String, _ shape: [Int]) {
            self.name = name
            self.dtype = dtype
            self.shape = shape
        }
    }

    static let bits: [String: Int] = [
        "BOOL": 8, "F4": 4, "F6_E2M3": 6, "F6_E3M2": 6, "U8": 8, "I8": 8, "F8_E5M2": 8, "F8_E4M3": 8, "F8_E8M0": 8,
        "I16": 16, "U16": 16, "F16": 16, "BF16": 16, "I32": 32, "U32": 32, "F32": 32, "C64": 64, "F64": 64,
        "I64": 64, "U64": 64,
    ]

    /// A fresh empty directory.
    static func directory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("archcalc-ckpt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// The header JSON of a safetensors file: tensors laid out back to back in order.
    static func safetensorsHeader(_ tensors: [Tensor], metadata: [String: String]? = ["format": "pt"]) -> (json: String, dataBytes: Int) {
        var parts: [String] = []
        if let metadata {
            parts.append("\"__metadata__\":{" + metadata.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ",") + "}")
        }
        var offset = 0
        for tensor in tensors {
            let elements = tensor.shape.reduce(1, *)
            let bytes = elements * (bits[tensor.dtype] ?? 8) / 8
            parts.append("\"\(tensor.name)\":{\"dtype\":\"\(tensor.dtype)\",\"shape\":[\(tensor.shape.map(String.init).joined(separator: ","))],\"data_offsets\":[\(offset),\(offset + bytes)]}")
            offset += bytes
        }
        return ("{" + parts.joined(separator: ",") + "}", offset)
    }

    /// Writes a safetensors file; its data region is sparse.
    @discardableResult
    static func safetensors(_ path: String, _ tensors: [Tensor], extraData: Int = 0) throws -> String {
        let (json, dataBytes) = safetensorsHeader(tensors)
        try raw(path, header: Array(json.utf8), dataBytes: dataBytes + extraData)
        return path
    }

    /// Writes an 8-byte length, `header` as given, then `dataBytes` sparse bytes.
    static func raw(_ path: String, header: [UInt8], declaredLength: UInt64? = nil, dataBytes: Int) throws {
        let length = declaredLength ?? UInt64(header.count)
        var bytes = (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * UInt64($0))) }
        bytes += header
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        guard truncate(path, off_t(bytes.count + dataBytes)) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Writes `text` to a file.
    @discardableResult
    static func text(_ path: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A model.safetensors.index.json for shards.
    static func index(_ path: String, shards: [(file: String, tensors: [Tensor])], totalSize: Int) throws {
        var entries: [String] = []
        for shard in shards { for tensor in shard.tensors { entries.append("    \"\(tensor.name)\": \"\(shard.file)\"") } }
        try text(path, "{\n  \"metadata\": {\"total_size\": \(totalSize)},\n  \"weight_map\": {\n" + entries.joined(separator: ",\n") + "\n  }\n}\n")
    }
}

/// Builds GGUF bytes field by field.
struct GGUFBuilder {
    var bytes: [UInt8] = []

    mutating func u32(_ value: UInt32) { bytes += (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * UInt32($0))) } }
    mutating func u64(_ value: UInt64) { bytes += (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) } }
    mutating func string(_ text: String) { u64(UInt64(text.utf8.count)); bytes += Array(text.utf8) }

    /// Header: magic, version, counts.
    mutating func header(version: UInt32 = 3, tensors: UInt64, keys: UInt64) {
        bytes += Array("GGUF".utf8)
        u32(version)
        u64(tensors)
        u64(keys)
    }

    mutating func keyU32(_ key: String, _ value: UInt32) { string(key); u32(4); u32(value) }
    mutating func keyString(_ key: String, _ value: String) { string(key); u32(8); string(value) }
    mutating func keyU32Array(_ key: String, _ values: [UInt32]) {
        string(key); u32(9); u32(4); u64(UInt64(values.count)); values.forEach { u32($0) }
    }
    mutating func keyStringArray(_ key: String, count: Int) {
        string(key); u32(9); u32(8); u64(UInt64(count)); for index in 0..<count { string("t\(index)") }
    }

    /// A tensor info: name, dims (innermost first), ggml type id, offset.
    mutating func tensor(_ name: String, dims: [UInt64], type: UInt32, offset: UInt64) {
        string(name)
        u32(UInt32(dims.count))
        dims.forEach { u64($0) }
        u32(type)
        u64(offset)
    }

    /// Pads to `alignment`, writes the file and extends it with `dataBytes` sparse bytes.
    func write(_ path: String, dataBytes: Int, alignment: Int = 32) throws {
        var out = bytes
        while out.count % alignment != 0 { out.append(0) }
        try Data(out).write(to: URL(fileURLWithPath: path))
        guard truncate(path, off_t(out.count + dataBytes)) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}
