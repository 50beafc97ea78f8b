import Testing
@testable import ArchSpec
#if canImport(Glibc)
import Glibc
#endif

/// The forward pass's buffers: zeroed, and a large one placed in its own page-aligned mapping whatever the
/// process allocated and freed before (through malloc, glibc's raised mmap threshold put it in the heap instead).
@Suite struct CalibrationFloatBufferTests {
    @Test func largeBuffersAreMappedWhateverCameBefore() {
        // What calibrate's probes do before the step surface's pass: allocate, touch and free blocks under 32 MiB,
        // which raises glibc's mmap threshold to their size.
        for _ in 0..<3 {
            let block = UnsafeMutablePointer<Float>.allocate(capacity: 4 << 20)  // 16 MiB
            block.initialize(repeating: 1, count: 4 << 20)
            block.deallocate()
        }
        for count in [FloatBuffer.mappedBytes / 4, 1 << 20, 3 << 20] {
            let buffer = FloatBuffer(count)
            #expect(Int(bitPattern: buffer.pointer) % 4096 == 0, "\(count) floats")
            #expect(buffer.count == count && (0..<count).allSatisfy { buffer.pointer[$0] == 0 })
            buffer.pointer[count - 1] = 2  // writable to the end
            #expect(buffer.pointer[count - 1] == 2)
        }
    }

    @Test func smallBuffersAreZeroedToo() {
        for count in [0, 1, 7, FloatBuffer.mappedBytes / 4 - 1] {
            let buffer = FloatBuffer(count)
            #expect(buffer.count == max(1, count) && (0..<buffer.count).allSatisfy { buffer.pointer[$0] == 0 })
        }
        let filled = FloatBuffer(repeating: 3, count: 1 << 16)
        #expect((0..<filled.count).allSatisfy { filled.pointer[$0] == 3 })
    }

    #if canImport(Glibc)
    /// Pages of `buffer` the kernel has backed with memory of their own (mincore), of all its pages.
    private func residentPages(_ buffer: FloatBuffer) -> (resident: Int, total: Int) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let bytes = buffer.count * MemoryLayout<Float>.stride
        var flags = [UInt8](repeating: 0, count: (bytes + page - 1) / page)
        let rc = flags.withUnsafeMutableBufferPointer { mincore(UnsafeMutableRawPointer(buffer.pointer), bytes, $0.baseAddress) }
        return rc == 0 ? (flags.filter { $0 & 1 == 1 }.count, flags.count) : (-1, flags.count)
    }

    /// A decode step timed at a context the cache was never filled to (the step surface) must read memory,
    /// not the mapping's one shared zero page: the KV caches are written through when the pass is built. (An
    /// untouched mapping reports no resident pages, which the first expectation checks the probe can see.)
    @Test func kvCachesAreResidentBeforeAnyStep() throws {
        let untouched = FloatBuffer(1 << 20)
        #expect(residentPages(untouched).resident == 0)
        let spec = ArchitectureSpec(
            name: "resident-cache", vocabSize: 128, hiddenSize: 64, layers: 2, contextLength: 8192, dtype: .fp32,
            tieEmbeddings: true, attention: AttentionSpec(heads: 4, kvHeads: 2, headDim: 16),
            mlp: MLPSpec(kind: .plain, intermediateSize: 128, activation: "relu"), norm: NormSpec(kind: .rmsnorm, bias: false),
            position: PositionSpec(kind: .none))
        let pass = ForwardPass(spec: spec, backend: KernelBackend(variant: .portable, threads: 1), capacity: 8192, maxRows: 4)
        for layer in pass.weights.layers {
            let a = try #require(layer.attention)
            for cache in [a.keys, a.values] {
                let pages = residentPages(cache)
                #expect(cache.count * 4 >= FloatBuffer.mappedBytes && pages.resident == pages.total, "\(pages)")
            }
        }
    }
    #endif
}
