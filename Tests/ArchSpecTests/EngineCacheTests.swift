import Testing
@testable import ArchSpec

/// Engine KV semantics, worked by hand from each engine's allocation rule (docs/sizing.md, "Engine semantics").
@Suite struct EngineCacheTests {
    typealias Kind = ShardedModel.KindCache
    static let full = Kind(elements: 1024, vectors: 8, length: 128, span: .full, state: 0)
    static let sliding = Kind(elements: 1024, vectors: 8, length: 128, span: .sliding(window: 4096), state: 0)
    static let smallWindow = Kind(elements: 1024, vectors: 8, length: 128, span: .sliding(window: 1024), state: 0)
    static let chunked = Kind(elements: 1024, vectors: 8, length: 128, span: .chunked(size: 8192), state: 0)
    static let mamba = Kind(elements: 0, vectors: 0, length: 0, span: .full, state: 1_000_000)

    static func plan(_ engine: KVAccounting, _ kinds: [Kind], _ counts: [Int], context: Int128) -> EngineCache {
        EngineCache.plan(engine, cache: kinds, counts: counts, context: context, kvBits: 16, stateBits: 16)
    }

    @Test func idealKeepsExactTokens() {
        let p = Self.plan(.ideal, [Self.full, Self.sliding], [1, 1], context: 10_000)
        #expect(p.tokens == [10_000, 4096])
        #expect(p.layers == [1, 1])
        #expect(p.stateCopies == 1)
    }

    @Test func vllmRoundsToBlocksAndKeepsTheWindowPlusOneBlock() {
        // 10,000 = 625 blocks of 16; a 4,096 window is 256 blocks plus one for the unaligned start.
        let p = Self.plan(.vllm, [Self.full, Self.sliding], [1, 1], context: 10_000)
        #expect(p.tokens == [10_000, 4112])
        // 1,000 tokens: 63 blocks = 1,008; a window longer than the context holds the context's blocks.
        let short = Self.plan(.vllm, [Self.full, Self.sliding], [1, 1], context: 1000)
        #expect(short.tokens == [1008, 1008])
    }

    @Test func vllmAllocatesChunkedLayersAsFull() {
        let p = Self.plan(.vllm, [Self.full, Self.chunked], [1, 3], context: 100_000)
        #expect(p.tokens == [100_000, 100_000])
    }

    @Test func vllmPadsLayerGroups() {
        // 10 full and 52 sliding: group size 10, the sliding type padded to 60.
        #expect(EngineCache.paddedGroups(cache: [Self.full, Self.sliding], counts: [10, 52]) == [10, 60])
        // 20 and 28: 28 < 1.5 x 20, so the group is 28 and the full type is padded to 28.
        #expect(EngineCache.paddedGroups(cache: [Self.full, Self.sliding], counts: [20, 28]) == [28, 28])
        // Equal counts and single types are untouched.
        #expect(EngineCache.paddedGroups(cache: [Self.full, Self.sliding], counts: [24, 24]) == [24, 24])
        #expect(EngineCache.paddedGroups(cache: [Self.full], counts: [32]) == [32])
    }

    @Test func vllmPadsTheMambaPageToAnEnlargedAttentionBlock() {
        // Attention: 1,024 elements x 2 B = 2,048 B per token per layer. Mamba: 1e6 x 2 B = 2,000,000 B.
        // Block = 16 x ceil(2,000,000 / (16 x 2,048)) = 16 x 62 = 992 tokens; page = 992 x 2,048 = 2,031,616 B.
        let p = Self.plan(.vllm, [Self.full, Self.mamba], [4, 28], context: 1000)
        #expect(p.statePageBytes[1] == 2_031_616)
        #expect(p.tokens[0] == 1984)
        // 4 and 28 layers: group size 4, both multiples of it.
        #expect(p.layers == [4, 28])
    }

    @Test func sglangSizesTheWindowPoolAtFourFifthsOfTheFullPool() {
        // Long context: T = max(10,000, 1,024 / 0.8) = 10,000 full tokens; 0.8 T = 8,000 window tokens.
        let long = Self.plan(.sglang, [Self.full, Self.smallWindow], [1, 5], context: 10_000)
        #expect(long.tokens == [10_000, 8000])
        // Short context: the window pool binds, T = 1,000 / 0.8 = 1,250 and the window pool holds 1,000.
        let short = Self.plan(.sglang, [Self.full, Self.smallWindow], [1, 5], context: 1000)
        #expect(short.tokens == [1250, 1000])
        // Only sliding layers: the window.
        #expect(Self.plan(.sglang, [Self.smallWindow], [4], context: 10_000).tokens == [1024])
        #expect(Self.plan(.sglang, [Self.mamba], [4], context: 10).stateCopies == 3)
    }

    @Test func llamacppPadsTo256AndKeepsWindowPlusMicroBatch() {
        // 10,000 -> 10,240 cells; a 4,096 window keeps pad(4,096 + 512, 256) = 4,608 cells.
        let p = Self.plan(.llamacpp, [Self.full, Self.sliding], [1, 1], context: 10_000)
        #expect(p.tokens == [10_240, 4608])
        #expect(Self.plan(.llamacpp, [Self.full, Self.sliding], [1, 1], context: 1000).tokens == [1024, 1024])
        #expect(p.stateBits == 32)
    }

    @Test func runtimeOverheadParts() throws {
        let gib = 1_073_741_824.0
        let layout = ParallelLayout(tp: 2, pp: 1)
        // vLLM on 80 GiB, TP 2: 8 GiB outside 0.9, 0.33 GiB non-torch, 1 GiB graphs, 2 / 8 GiB collectives.
        let vllm = RuntimeOverhead.estimate(.vllm, capacity: 80 * gib, layout: layout, chunk: 8192, activations: 0)
        #expect(vllm.parts.map(\.bytes) == [Int128(8 * gib), Int128((0.33 * gib).rounded()), Int128(gib), Int128(gib / 4)])
        // SGLang on 80 GiB: 512 + 8,192 x 1.5 + 256 x 2 + 2 / 8 x 1,024 = 13,568 MiB (above the 10 GiB floor),
        // less 1 GiB of activations archcalc already counts.
        let sglang = RuntimeOverhead.estimate(.sglang, capacity: 80 * gib, layout: layout, chunk: 8192,
                                             activations: Int128(gib))
        #expect(sglang.total == Int128(13_568 * 1_048_576) - Int128(gib))
        // On 24 GiB with a 2k chunk: 512 + 3,072 + 24 x 2 + 256 = 3,888 MiB (no floor below 60 GiB).
        #expect(RuntimeOverhead.sglangReserved(capacity: 24 * gib, layout: layout, chunk: 2048) == 3888 * 1_048_576)
        // Engine-neutral (ideal accounting): 0.33 GiB context and libraries, 1 GiB captured graphs, 2 / 8 GiB
        // collective buffers; one device has no collective buffers.
        let neutral = RuntimeOverhead.estimate(.ideal, capacity: 80 * gib, layout: layout, chunk: 8192, activations: 0)
        #expect(neutral.parts.map(\.bytes) == [Int128((0.33 * gib).rounded()), Int128(gib), Int128(gib / 4)])
        #expect(neutral.owner == "engine-neutral" && vllm.owner == "vLLM's")
        let one = RuntimeOverhead.estimate(.ideal, capacity: 24 * gib, layout: ParallelLayout(tp: 1, pp: 1), chunk: 8192,
                                           activations: 0)
        #expect(one.total == 354_334_802 + 1_073_741_824)
    }
}
