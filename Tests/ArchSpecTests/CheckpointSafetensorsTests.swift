import Foundation
import Testing
@testable import ArchSpec

/// Safetensors checkpoints: exact counts per group and dtype, shards and indexes, and the traps.
@Suite struct CheckpointSafetensorsTests {
    func load(_ path: String) throws -> SpecLoadResult {
        try #require(CheckpointLoader.load(path: path))
    }

    @Test func plainCheckpointCountsEveryGroupExactly() throws {
        let loaded = try load(try TinyLlama.directory())
        let summary = try #require(loaded.checkpoint)
        #expect(summary.parameters(.embedding) == 64_000)
        #expect(summary.parameters(.attention) == 24_576)
        #expect(summary.parameters(.mlp) == 49_152)
        #expect(summary.parameters(.norm) == 320)
        #expect(summary.parameters(.lmHead) == 64_000)
        #expect(summary.parameters == 202_048)
        #expect(summary.dtypes["BF16"]?.elements == 202_048)
        #expect(summary.dtypes["BF16"]?.bytes == 404_096)
        #expect(summary.buffers.tensors == 2)
        #expect(summary.buffers.elements == 16)
        #expect(summary.bitsPerWeight == 16)
        // The architecture comes from config.json beside it, and it agrees with the tensors.
        let spec = try #require(loaded.spec)
        #expect(try ParameterCount.breakdown(spec).total == 202_048)
        #expect(!loaded.diagnostics.contains { $0.severity != .info })
    }

    @Test func aSavedCopyOfATiedHeadIsNotCounted() throws {
        let directory = try CheckpointWriter.directory()
        try CheckpointWriter.text(directory + "/config.json", TinyLlama.config(tied: true))
        try CheckpointWriter.safetensors(directory + "/model.safetensors", TinyLlama.tensors())
        let summary = try #require(try load(directory).checkpoint)
        #expect(summary.parameters == 138_048)
        #expect(summary.tiedCopies.examples == ["lm_head.weight"])
        #expect(summary.tiedCopies.elements == 64_000)
    }

    @Test(arguments: TinyLlama.Format.allCases)
    func packedFormatsUnpackToTheSameParameters(format: TinyLlama.Format) throws {
        let loaded = try load(try TinyLlama.directory(format))
        let summary = try #require(loaded.checkpoint)
        #expect(summary.parameters == Int128(TinyLlama.total), "\(format)")
        #expect(summary.parameters(.attention) == Int128(TinyLlama.attention))
        #expect(summary.parameters(.mlp) == Int128(TinyLlama.mlp))
        #expect(!loaded.diagnostics.contains { $0.severity == .error }, "\(loaded.diagnostics.map(\.oneLine))")
        if format != .plain {
            #expect(summary.overhead.tensors > 0)
            let packed = summary.packings.filter { $0.key != Packing.none.rawValue }.values.reduce(0) { $0 + $1.elements }
            #expect(packed == (format == .fp8 ? 0 : Int128(TinyLlama.linear)))
        }
    }

    @Test func packedOverheadIsExact() throws {
        // GPTQ 4-bit, group 32: per linear [out, in] the zeros hold in/32 x out/8 int32, scales in/32 x out fp16,
        // g_idx in int32. Summed over q, k, v, o, gate, up, down of both layers.
        let shapes = [(64, 64), (32, 64), (32, 64), (64, 64), (128, 64), (128, 64), (64, 128)]
        let perLayer = shapes.reduce(0) { sum, shape in
            let (out, inner) = shape
            return sum + (inner / 32) * (out / 8) + (inner / 32) * out + inner
        }
        let summary = try #require(try load(try TinyLlama.directory(.gptq)).checkpoint)
        #expect(summary.overhead.elements == Int128(2 * perLayer))
        #expect(summary.dtypes["I32"]?.elements == Int128(TinyLlama.linear / 8 + 2 * shapes.reduce(0) { $0 + ($1.1 / 32) * ($1.0 / 8) + $1.1 }))
    }

    @Test func gptqWithoutBitsIsALocatedError() throws {
        let directory = try CheckpointWriter.directory()
        try CheckpointWriter.text(directory + "/config.json", TinyLlama.config())
        try CheckpointWriter.safetensors(directory + "/model.safetensors", TinyLlama.tensors(.gptq))
        let loaded = try load(directory)
        #expect(loaded.spec == nil)
        #expect(loaded.diagnostics.first?.message.contains("states no quantisation bits") == true)
    }

    @Test func mxfp4ExpertBlocksCountTwoWeightsPerByte() throws {
        // gpt-oss: [experts, 2·inner, hidden/32 blocks, 16 bytes] U8 plus one U8 scale per block.
        let tensors = [
            CheckpointWriter.Tensor("model.layers.0.mlp.experts.gate_up_proj_blocks", "U8", [4, 256, 2, 16]),
            CheckpointWriter.Tensor("model.layers.0.mlp.experts.gate_up_proj_scales", "U8", [4, 256, 2]),
            CheckpointWriter.Tensor("model.layers.0.mlp.experts.gate_up_proj_bias", "BF16", [4, 256]),
            CheckpointWriter.Tensor("model.layers.0.mlp.router.weight", "BF16", [4, 64]),
        ]
        let directory = try CheckpointWriter.directory()
        try CheckpointWriter.safetensors(directory + "/model.safetensors", tensors)
        let summary = try #require(try load(directory).checkpoint)
        #expect(summary.parameters(.experts) == 4 * 256 * 64 + 4 * 256)
        #expect(summary.parameters(.mlp) == 256)
        #expect(summary.overhead.elements == 2048)
        #expect(summary.packings[Packing.mxfp4.rawValue]?.elements == 65_536)
    }

    @Test func shardsThroughTheIndexSumPerDTypeAndKeepTotalSizeAsBytes() throws {
        let directory = try CheckpointWriter.directory()
        try CheckpointWriter.text(directory + "/config.json", TinyLlama.config())
        let all = TinyLlama.tensors()
        let shards = [(file: "model-00001-of-00002.safetensors", tensors: Array(all.prefix(10))),
                      (file: "model-00002-of-00002.safetensors", tensors: Array(all.dropFirst(10)))]
        for shard in shards { try CheckpointWriter.safetensors(directory + "/" + shard.file, shard.tensors) }
        let bytes = 404_096 + 64
        try CheckpointWriter.index(directory + "/model.safetensors.index.json", shards: shards, totalSize: bytes)
        for path in [directory, directory + "/model.safetensors.index.json"] {
            let loaded = try load(path)
            let summary = try #require(loaded.checkpoint)
            #expect(summary.files.count == 2)
            #expect(summary.parameters == 202_048)
            #expect(summary.indexTotalSize == Int128(bytes))
            #expect(loaded.spec != nil)
            #expect(!loaded.diagnostics.contains { $0.severity == .warning })
        }
        try CheckpointWriter.index(directory + "/model.safetensors.index.json", shards: shards, totalSize: 202_048)
        let mismatched = try load(directory)
        #expect(mismatched.diagnostics.contains { $0.message.contains("metadata.total_size is 202,048 bytes but the shards hold 404,160 bytes") })
    }

    @Test func anIndexEntryMissingFromItsShardIsLocated() throws {
        let directory = try CheckpointWriter.directory()
        let tensors = Array(TinyLlama.tensors().prefix(3))
        try CheckpointWriter.safetensors(directory + "/a.safetensors", Array(tensors.prefix(2)))
        try CheckpointWriter.index(directory + "/model.safetensors.index.json",
                                   shards: [(file: "a.safetensors", tensors: tensors)], totalSize: 0)
        let loaded = try load(directory)
        let message = try #require(loaded.diagnostics.first)
        #expect(message.oneLine.hasSuffix("model.safetensors.index.json:6:5: error: tensor 'model.layers.0.self_attn.k_proj.weight' is listed in shard 'a.safetensors' but not stored there"))
        #expect(loaded.checkpoint == nil)
    }

    /// 64 shards are read on several threads: the error is the first bad shard's in file order, whichever
    /// thread meets a bad shard first, and the counts do not depend on the scheduling.
    @Test func shardsReadInParallelGiveTheFirstBadShardsError() throws {
        let directory = try ShardedLlama.directory(layers: 64)
        let good = try load(directory)
        #expect(good.checkpoint?.parameters == Int128(ShardedLlama.parameters(layers: 64)))
        #expect(good.checkpoint?.files.count == 64)
        for bad in [60, 9] {
            let path = directory + String(format: "/model-%05d-of-%05d.safetensors", bad + 1, 64)
            try CheckpointWriter.raw(path, header: Array(#"{"x": {"dtype": "BF16"}}"#.utf8), dataBytes: 0)
        }
        for _ in 0..<5 {
            let loaded = try load(directory)
            let message = try #require(loaded.diagnostics.first).oneLine
            #expect(message.contains("model-00010-of-00064.safetensors"), "\(message)")
            #expect(message.contains("tensor 'x': no shape list"), "\(message)")
            #expect(loaded.checkpoint == nil)
        }
    }

    @Test func withoutConfigTheCountsComeWithAnError() throws {
        let directory = try CheckpointWriter.directory()
        let path = try CheckpointWriter.safetensors(directory + "/model.safetensors", TinyLlama.tensors())
        let loaded = try load(path)
        #expect(loaded.spec == nil)
        #expect(loaded.checkpoint?.parameters == 202_048)
        #expect(loaded.diagnostics.first?.message.hasPrefix("architecture not recovered: no config.json") == true)
    }

    @Test func aConfigThatDisagreesWithTheTensorsIsAWarning() throws {
        let directory = try CheckpointWriter.directory()
        try CheckpointWriter.text(directory + "/config.json", TinyLlama.config())
        try CheckpointWriter.safetensors(directory + "/model.safetensors", TinyLlama.tensors(qkvBias: true))
        let loaded = try load(directory)
        let warning = try #require(loaded.diagnostics.first { $0.severity == .warning })
        #expect(warning.message.contains("attention: spec 24,576, checkpoint 24,832"))
    }

    @Test func otherFilesAreNotCheckpoints() throws {
        #expect(CheckpointLoader.load(path: Repository.path("specs/llama-3-8b.yaml"))?.file == nil)
        #expect(CheckpointLoader.load(path: Repository.path("specs"))?.file == nil)
        #expect(CheckpointLoader.load(path: "-")?.file == nil)
    }
}
