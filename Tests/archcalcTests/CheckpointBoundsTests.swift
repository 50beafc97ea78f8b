import Foundation
import Testing

/// Headers only, in bounded time and memory: child CPU time and peak RSS measured with `wait4`, so the checks
/// hold on a loaded machine. Bounds are for the debug build the tests run; docs/checkpoints.md gives the
/// release figures.
@Suite struct CheckpointBoundsTests {
    #if canImport(Glibc)
    @Test func aThousandShardIndexReadsQuickly() throws {
        let directory = try ShardedLlama.directory(layers: 1000)
        let result = try CLI.run(["estimate", directory, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let reports = try #require(JSONDocument.estimates(result.stdout))
        let checkpoint = try #require(reports.first?["checkpoint"] as? [String: Any])
        #expect(checkpoint["parameters"] as? Int == ShardedLlama.parameters(layers: 1000))
        #expect((checkpoint["files"] as? [Any])?.count == 1000)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let run = try MeasuredRun.run(["estimate", directory])
        #expect(run.status == 0)
        #expect(run.cpuSeconds < 1.5, "1,000 shards took \(run.cpuSeconds) s of CPU")
        #expect(run.maxResidentKiB < 200 * 1024)
    }

    @Test func aFiftyGigabyteSparseFileReadsOnlyItsHeader() throws {
        let directory = try TinyLlama.directory()
        // The data region grows to 50 GB (sparse): the tensors' data_offsets still fit inside it.
        let path = directory + "/model.safetensors"
        guard truncate(path, 50_000_000_000) == 0 else { return }
        let run = try MeasuredRun.run(["estimate", directory])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.cpuSeconds < 0.5, "a 50 GB file took \(run.cpuSeconds) s of CPU")
        #expect(run.maxResidentKiB < 100 * 1024)
    }

    @Test(arguments: ["string-2-40", "array-2-32", "tensors-2-63"])
    func hostileGGUFCountsAreRefusedInBoundedTimeAndMemory(name: String) throws {
        var gguf = GGUFBuilder()
        switch name {
        case "string-2-40": gguf.header(tensors: 0, keys: 1); gguf.string("k"); gguf.u32(8); gguf.u64(1 << 40)
        case "array-2-32": gguf.header(tensors: 0, keys: 1); gguf.string("k"); gguf.u32(9); gguf.u32(8); gguf.u64(1 << 32)
        default: gguf.header(tensors: 1 << 63, keys: 0)
        }
        let path = try CheckpointWriter.directory() + "/\(name).gguf"
        // A 60 GB sparse tail: room enough that only the limits, not the file size, stop the reader.
        try gguf.write(path, dataBytes: 60_000_000_000, alignment: 1)
        let run = try MeasuredRun.run(["estimate", path])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix(path + ": error: byte "), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.cpuSeconds < 0.5)
        #expect(run.maxResidentKiB < 100 * 1024)
    }
    #endif
}
