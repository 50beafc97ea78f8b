import Foundation
import Testing
@testable import ArchSpec

/// GGUF files: ggml block types, metadata to a layer plan, and refusal where the architecture is not recovered.
@Suite struct CheckpointGGUFTests {
    /// (ggml id, name, weights per block, bytes per block), copied from gguf-py's GGML_QUANT_SIZES
    /// (llama.cpp gguf-py/gguf/constants.py) and ggml's block structs (Q8_1: two fp16, 36 bytes).
    static let upstream: [(UInt32, String, Int, Int)] = [
        (0, "F32", 1, 4), (1, "F16", 1, 2), (2, "Q4_0", 32, 2 + 16), (3, "Q4_1", 32, 2 + 2 + 16), (6, "Q5_0", 32, 2 + 4 + 16),
        (7, "Q5_1", 32, 2 + 2 + 4 + 16), (8, "Q8_0", 32, 2 + 32), (9, "Q8_1", 32, 2 + 2 + 32),
        (10, "Q2_K", 256, 2 + 2 + 256 / 16 + 256 / 4), (11, "Q3_K", 256, 2 + 256 / 4 + 256 / 8 + 12),
        (12, "Q4_K", 256, 2 + 2 + 256 / 2 + 12), (13, "Q5_K", 256, 2 + 2 + 256 / 2 + 256 / 8 + 12),
        (14, "Q6_K", 256, 2 + 256 / 2 + 256 / 4 + 256 / 16), (15, "Q8_K", 256, 4 + 256 + 256 / 8),
        (16, "IQ2_XXS", 256, 2 + 256 / 4), (17, "IQ2_XS", 256, 2 + 256 / 4 + 256 / 32), (18, "IQ3_XXS", 256, 2 + 256 / 4 + 256 / 8),
        (19, "IQ1_S", 256, 2 + 256 / 8 + 256 / 16), (20, "IQ4_NL", 32, 2 + 16), (21, "IQ3_S", 256, 2 + 256 / 4 + 256 / 8 + 256 / 32 + 4),
        (22, "IQ2_S", 256, 2 + 256 / 4 + 256 / 16), (23, "IQ4_XS", 256, 2 + 2 + 256 / 2 + 256 / 64), (24, "I8", 1, 1),
        (25, "I16", 1, 2), (26, "I32", 1, 4), (27, "I64", 1, 8), (28, "F64", 1, 8), (29, "IQ1_M", 256, 256 / 8 + 256 / 16 + 256 / 32),
        (30, "BF16", 1, 2), (34, "TQ1_0", 256, 2 + 4 * 13), (35, "TQ2_0", 256, 2 + 64), (39, "MXFP4", 32, 1 + 16),
        (40, "NVFP4", 64, 4 + 32), (41, "Q1_0", 128, 2 + 16),
    ]

    /// A GGUF with one [256 x 4] tensor of every type, back to back (aligned to 32).
    @Test func everyGGMLTypeCountsWeightsAndBytes() throws {
        var gguf = GGUFBuilder()
        gguf.header(tensors: UInt64(Self.upstream.count), keys: 1)
        gguf.keyString("general.architecture", "test")
        var offset = 0
        for (id, name, block, bytes) in Self.upstream {
            gguf.tensor("t.\(name)", dims: [256, 4], type: id, offset: UInt64(offset))
            offset += (1024 / block * bytes + 31) / 32 * 32
        }
        let path = try CheckpointWriter.directory() + "/all.gguf"
        try gguf.write(path, dataBytes: offset)
        let header = try GGUFReader.read(path: path)
        for ((_, name, block, bytes), tensor) in zip(Self.upstream, header.tensors) {
            #expect(tensor.type.name == name)
            #expect(tensor.elements == 1024)
            #expect(tensor.bytes == Int128(1024 / block * bytes), "\(name)")
        }
        let loaded = try #require(CheckpointLoader.load(path: path))
        #expect(loaded.checkpoint?.packings["Q4_K"]?.elements == 1024)
        #expect(loaded.checkpoint?.packings["Q4_K"]?.bytes == 576)  // 4.5 bits per weight
        #expect(loaded.diagnostics.first?.message.contains("general.architecture") == false)
    }

    @Test func llamaMetadataBecomesTheLayerPlanAndMatchesTheTensors() throws {
        for (tied, bias, array) in [(false, false, false), (true, false, false), (false, true, false), (false, false, true)] {
            let loaded = try #require(CheckpointLoader.load(path: try TinyGGUF.llama(tied: tied, qkvBias: bias, headsArray: array)))
            let spec = try #require(loaded.spec, "\(loaded.diagnostics.map(\.oneLine))")
            let summary = try #require(loaded.checkpoint)
            let expected: Int128 = 1_705_216 - (tied ? 262_144 : 0) + (bias ? 1024 : 0)
            #expect(summary.parameters == expected)
            #expect(try ParameterCount.breakdown(spec).total == expected)
            #expect(spec.name == "Tiny Llama")
            #expect(spec.attention.kvHeads == 4 && spec.attention.headDim == 32 && spec.tieEmbeddings == tied)
            #expect(spec.attention.qkvBias == bias)
            #expect(spec.vocabSize == 1024 && spec.contextLength == 2048)
            #expect(summary.buffers.examples == ["rope_freqs.weight"])
        }
    }

    @Test func q4KStoresFourAndAHalfBitsPerWeight() throws {
        let summary = try #require(CheckpointLoader.load(path: try TinyGGUF.llama())?.checkpoint)
        let q4 = try #require(summary.packings["Q4_K"])
        #expect(q4.elements == 1_441_792)
        #expect(q4.bytes * 8 * 2 == q4.elements * 9)
        #expect(summary.packings["Q6_K"]?.bytes == Int128(262_144 / 256 * 210))
        #expect(summary.dtypes["F32"]?.elements == Int128(1280 + 32))
    }

    @Test func metadataThatDisagreesWithTheTensorsIsRefusedWithTheCounts() throws {
        let loaded = try #require(CheckpointLoader.load(path: try TinyGGUF.llama(feedForward: 1024)))
        #expect(loaded.spec == nil)
        #expect(loaded.checkpoint?.parameters == 1_705_216)
        let message = try #require(loaded.diagnostics.first?.message)
        #expect(message.contains("disagrees with the tensors: mlp: spec 1,572,864, checkpoint 786,432 (blk.0.ffn_gate.weight"), "\(message)")
    }

    @Test func stateSpaceLayersAreNamedAsNotRecovered() throws {
        let path = try TinyGGUF.llama(architecture: "mamba", extra: [("blk.0.ssm_in.weight", [256, 1024], 0)])
        let loaded = try #require(CheckpointLoader.load(path: path))
        #expect(loaded.spec == nil)
        #expect(loaded.checkpoint?.parameters(.ssm) == 262_144)
        #expect(loaded.diagnostics.first?.message.contains("state-space or recurrent layers (blk.0.ssm_in.weight)") == true)
    }
}
