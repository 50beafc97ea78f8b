import Foundation
import Testing
@testable import ArchSpec

/// Hostile checkpoint headers: each is one located error (file and byte offset, or line and column), read in
/// bounded time and memory, never a crash.
@Suite struct CheckpointHostileTests {
    static func error(_ path: String) throws -> String {
        let loaded = try #require(CheckpointLoader.load(path: path), "\(path) was not read as a checkpoint")
        #expect(loaded.spec == nil)
        let diagnostic = try #require(loaded.diagnostics.first { $0.severity == .error })
        #expect(!diagnostic.oneLine.contains("\n"))
        return diagnostic.oneLine
    }

    static let tensor = #"{"w":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]}}"#

    /// (name, header text, declared length or nil, data bytes, expected fragment)
    static let safetensorsCases: [(String, String, UInt64?, Int, String)] = [
        ("length-2-63", tensor, 1 << 63, 16, "byte 0: header length 9223372036854775808 bytes exceeds the limit of 100000000 bytes"),
        ("length-100MB", tensor, 100_000_001, 16, "byte 0: header length 100000001 bytes exceeds the limit"),
        ("length-past-end", tensor, 5000, 16, "byte 0: header length 5000 bytes runs past the end of the file"),
        ("not-json", #"{"w": [1, 2"#, nil, 0, "byte 19: header JSON: unexpected end of the JSON text in an array"),
        ("trailing", tensor + "x", nil, 16, "header JSON: unexpected text after the JSON value"),
        ("unknown-dtype", #"{"w":{"dtype":"Q7","shape":[2],"data_offsets":[0,2]}}"#, nil, 2, "byte 9: tensor 'w': unknown dtype 'Q7'"),
        ("overflow", #"{"w":{"dtype":"F32","shape":[4611686018427387904,4611686018427387904],"data_offsets":[0,16]}}"#, nil, 16,
         "tensor 'w': shape [4611686018427387904, 4611686018427387904] overflows"),
        ("negative", #"{"w":{"dtype":"F32","shape":[-2],"data_offsets":[0,16]}}"#, nil, 16, "shape holds a value that is not a non-negative integer"),
        ("out-of-file", #"{"w":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]}}"#, nil, 8, "data_offsets [0, 16] run past the end of the data (8 bytes)"),
        ("wrong-size", #"{"w":{"dtype":"F32","shape":[2,2],"data_offsets":[0,12]}}"#, nil, 16, "shape [2, 2] of F32 needs 16 bytes, data_offsets hold 12"),
        ("overlap", #"{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]},"b":{"dtype":"F32","shape":[4],"data_offsets":[8,24]}}"#, nil, 24,
         "tensor 'b': data_offsets [8, 24] overlap tensor 'a' (ending at 16)"),
        ("duplicate", #"{"w":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"w":{"dtype":"U8","shape":[1],"data_offsets":[1,2]}}"#, nil, 2,
         "tensor 'w': listed twice"),
        ("deep", String(repeating: "[", count: 5000), nil, 0, "header JSON: JSON nested deeper than 64 levels"),
        ("escape", "{\"w\\u001b[31m\":{\"dtype\":\"Q7\",\"shape\":[1],\"data_offsets\":[0,1]}}", nil, 1, "tensor 'w\\u{1b}[31m': unknown dtype"),
    ]

    @Test(arguments: safetensorsCases)
    func hostileSafetensorsHeaders(name: String, header: String, declared: UInt64?, data: Int, expected: String) throws {
        let path = try CheckpointWriter.directory() + "/\(name).safetensors"
        var text = Array(header.utf8)
        if name == "deep" { text = Array("{\"a\":".utf8) + text }
        try CheckpointWriter.raw(path, header: text, declaredLength: declared, dataBytes: data)
        let message = try Self.error(path)
        #expect(message.contains(expected), "\(message)")
        #expect(message.hasPrefix(path))
    }

    @Test func truncatedSafetensorsFile() throws {
        let path = try CheckpointWriter.directory() + "/short.safetensors"
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: path))
        #expect(try Self.error(path).hasSuffix("error: byte 0: truncated file: 3 bytes, no 8-byte header length"))
    }

    /// GGUF cases: a builder step after the header, and the expected fragment.
    static let ggufCases: [(String, @Sendable (inout GGUFBuilder) -> Void, String)] = [
        ("version-1", { $0.header(version: 1, tensors: 0, keys: 0) }, "byte 4: GGUF version 1 is not supported"),
        ("string-2-40", { $0.header(tensors: 0, keys: 1); $0.u64(1 << 40) },
         "byte 24: metadata key of 1099511627776 bytes runs past the end of the file"),
        ("value-string-2-40", { $0.header(tensors: 0, keys: 1); $0.string("k"); $0.u32(8); $0.u64(1 << 40) },
         "metadata string of 1099511627776 bytes runs past the end of the file"),
        ("array-2-32", { $0.header(tensors: 0, keys: 1); $0.string("k"); $0.u32(9); $0.u32(4); $0.u64(1 << 32) },
         "metadata array of 4294967296 entries exceeds the limit of 16777216"),
        ("array-past-end", { $0.header(tensors: 0, keys: 1); $0.string("k"); $0.u32(9); $0.u32(10); $0.u64(1 << 20) },
         "metadata array of 8388608 bytes runs past the end of the file"),
        ("tensors-2-63", { $0.header(tensors: 1 << 63, keys: 0) }, "byte 8: tensor count 9223372036854775808 exceeds what the file can hold"),
        ("keys-2-63", { $0.header(tensors: 0, keys: 1 << 63) }, "byte 16: metadata count 9223372036854775808 exceeds"),
        ("value-type", { $0.header(tensors: 0, keys: 1); $0.string("k"); $0.u32(77); $0.u64(0) }, "byte 33: unknown metadata value type 77"),
        ("ggml-type", { $0.header(tensors: 1, keys: 0); $0.tensor("w", dims: [32], type: 99, offset: 0) }, "tensor 'w': unknown ggml type 99"),
        ("dims-overflow", { $0.header(tensors: 1, keys: 0); $0.tensor("w", dims: [1 << 40, 1 << 40, 1 << 40], type: 0, offset: 0) },
         "tensor 'w': shape [1099511627776, 1099511627776, 1099511627776] overflows"),
        ("block", { $0.header(tensors: 1, keys: 0); $0.tensor("w", dims: [100], type: 12, offset: 0) },
         "first dimension 100 is not a multiple of Q4_K's block of 256"),
        ("past-end", { $0.header(tensors: 1, keys: 0); $0.tensor("w", dims: [1 << 20], type: 0, offset: 0) },
         "tensor 'w': data [0, 4194304) runs past the end of the data"),
        ("misaligned", { $0.header(tensors: 1, keys: 0); $0.tensor("w", dims: [4], type: 0, offset: 4) },
         "data offset 4 is not a multiple of the alignment 32"),
        ("overlap", { $0.header(tensors: 2, keys: 0); $0.tensor("a", dims: [16], type: 0, offset: 0); $0.tensor("b", dims: [16], type: 0, offset: 32) },
         "tensor 'b': data at 32 overlaps tensor 'a' (ending at 64)"),
        ("duplicate", { $0.header(tensors: 2, keys: 0); $0.tensor("a", dims: [8], type: 0, offset: 0); $0.tensor("a", dims: [8], type: 0, offset: 32) },
         "tensor 'a' listed twice"),
        ("truncated", { $0.header(tensors: 0, keys: 1); $0.string("abc"); $0.u32(10) }, "byte 39: truncated file: 8 bytes wanted, 0 left"),
    ]

    @Test(arguments: ggufCases.map { ($0.0, $0.2) })
    func hostileGGUFHeaders(name: String, expected: String) throws {
        let build = try #require(Self.ggufCases.first { $0.0 == name }?.1)
        var gguf = GGUFBuilder()
        build(&gguf)
        let path = try CheckpointWriter.directory() + "/\(name).gguf"
        try gguf.write(path, dataBytes: name == "truncated" ? 0 : 200, alignment: 1)
        let message = try Self.error(path)
        #expect(message.contains(expected), "\(message)")
    }

    @Test func aDirectoryOfSeveralGGUFFilesAsksForOne() throws {
        let directory = try CheckpointWriter.directory()
        for name in ["a-Q4_K_M.gguf", "a-Q8_0.gguf"] {
            var gguf = GGUFBuilder()
            gguf.header(tensors: 0, keys: 0)
            try gguf.write(directory + "/" + name, dataBytes: 0)
        }
        #expect(try Self.error(directory).contains("directory holds 2 GGUF files (a-Q4_K_M.gguf, a-Q8_0.gguf...): name one"))
    }

    @Test func shardNamesInAnIndexStayInItsDirectory() throws {
        let directory = try CheckpointWriter.directory()
        try CheckpointWriter.text(directory + "/model.safetensors.index.json",
                                  #"{"weight_map": {"w": "../../etc/passwd"}}"#)
        #expect(try Self.error(directory).contains(":1:17: error: weight_map names shard '../../etc/passwd', which is not a file in the index's directory"))
    }
}
