import Testing
@testable import ArchSpec

/// Attention of one query row against keys/values rows [0, visible), by the definition, in Double.
func naiveAttention(q: ArraySlice<Float>, keys: [[Float]], values: [[Float]], visible: Int) -> [Float] {
    let d = q.count
    let scores = (0..<visible).map { t in zip(q, keys[t]).reduce(0.0) { $0 + Double($1.0) * Double($1.1) } / Double(d).squareRoot() }
    let top = scores.max() ?? 0
    let weights = scores.map { _exp($0 - top) }
    let total = weights.reduce(0, +)
    return (0..<d).map { i in Float((0..<visible).reduce(0.0) { $0 + weights[$1] * Double(values[$1][i]) } / total) }
}

@Suite struct CalibrationAttentionTests {
    // GQA: 4 query heads over 2 kv heads, head_dim 12 (not a multiple of 8), 150 cached tokens of 160 slots.
    let heads = 4, kvHeads = 2, d = 12, tokens = 150, capacity = 160

    func cache(seed: UInt64) -> [Float] { pseudoRandom(kvHeads * capacity * d, seed: seed) }
    func row(_ cache: [Float], head: Int, t: Int) -> [Float] {
        Array(cache[(head * capacity + t) * d..<(head * capacity + t + 1) * d])
    }

    @Test(arguments: KernelVariant.allCases, [1, 2])
    func decodeMatchesDefinition(variant: KernelVariant, threads: Int) {
        let backend = KernelBackend(variant: variant, threads: threads)
        let keys = cache(seed: 7), values = cache(seed: 8), q = pseudoRandom(heads * d, seed: 9)
        var out = [Float](repeating: .nan, count: heads * d)
        var scores = [Float](repeating: 0, count: heads * tokens)
        backend.attentionDecode(q: q, keys: keys, values: values, tokens: tokens, heads: heads, kvHeads: kvHeads,
                                headDim: d, capacity: capacity, out: &out, scores: &scores)
        for h in 0..<heads {
            let kv = h / (heads / kvHeads)
            let expected = naiveAttention(q: q[h * d..<(h + 1) * d], keys: (0..<tokens).map { row(keys, head: kv, t: $0) },
                                          values: (0..<tokens).map { row(values, head: kv, t: $0) }, visible: tokens)
            #expect(maxRelativeError(Array(out[h * d..<(h + 1) * d]), expected) < 1e-5, "head \(h)")
        }
    }

    @Test(arguments: KernelVariant.allCases)
    func prefillIsCausal(variant: KernelVariant) {
        let backend = KernelBackend(variant: variant, threads: 2)
        let keys = cache(seed: 10), values = cache(seed: 11), q = pseudoRandom(tokens * heads * d, seed: 12)
        var out = [Float](repeating: .nan, count: tokens * heads * d)
        var scores = [Float](repeating: 0, count: 128 * tokens)
        backend.attentionPrefill(q: q, keys: keys, values: values, tokens: tokens, heads: heads, kvHeads: kvHeads,
                                 headDim: d, capacity: capacity, out: &out, scores: &scores)
        for (h, t) in [(0, 0), (1, 5), (2, 127), (3, 128), (3, 149)] {
            let kv = h / (heads / kvHeads), base = (t * heads + h) * d
            let expected = naiveAttention(q: q[base..<base + d], keys: (0...t).map { row(keys, head: kv, t: $0) },
                                          values: (0...t).map { row(values, head: kv, t: $0) }, visible: t + 1)
            #expect(maxRelativeError(Array(out[base..<base + d]), expected) < 1e-5, "head \(h) token \(t)")
        }
    }
}
