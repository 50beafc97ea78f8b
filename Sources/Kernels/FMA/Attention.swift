/// Shapes of one attention call. The KV cache is laid out [kvHeads][capacity][headDim], fp32.
public struct AttentionShape: Sendable {
    public var heads: Int
    public var kvHeads: Int
    public var headDim: Int
    /// Token slots reserved per kv head in the cache.
    public var capacity: Int

    public init(heads: Int, kvHeads: Int, headDim: Int, capacity: Int) {
        self.heads = heads
        self.kvHeads = kvHeads
        self.headDim = headDim
        self.capacity = capacity
    }
}

extension Kernels {
    /// Decode attention for one new token: every query head attends to the first `tokens` cached positions.
    ///
    /// `q` and `out` hold `heads * headDim` floats (head-major); `scores` must hold `heads * tokens` floats.
    /// Work is split over query heads, keeping the query heads of one kv head together when there are enough.
    public static func attentionDecode(
        q: UnsafePointer<Float>, keys: UnsafePointer<Float>, values: UnsafePointer<Float>, tokens: Int,
        shape: AttentionShape, out: UnsafeMutablePointer<Float>, scores: UnsafeMutablePointer<Float>, threads: Int
    ) {
        let d = shape.headDim, group = shape.heads / max(1, shape.kvHeads)
        let parts = max(1, min(threads, shape.heads))
        let align = shape.kvHeads >= parts ? group : 1
        let scale = 1 / Float(d).squareRoot()
        let sq = SharedPointer(q), sk = SharedPointer(keys), sv = SharedPointer(values)
        let so = SharedPointer(out), ss = SharedPointer(scores)
        parallel(parts) { t in
            let range = split(shape.heads, parts: parts, align: align, index: t)
            var h = range.lowerBound
            while h < range.upperBound {
                let kvHead = h / group
                let end = min(range.upperBound, (kvHead &+ 1) &* group)
                let kBase = UnsafePointer(sk.p + kvHead &* shape.capacity &* d)
                let vBase = UnsafePointer(sv.p + kvHead &* shape.capacity &* d)
                for t in 0..<tokens {
                    let krow = kBase + t &* d
                    for j in h..<end {
                        ss.p[j &* tokens &+ t] = dot(UnsafePointer(sq.p + j &* d), krow, count: d) * scale
                    }
                }
                for j in h..<end {
                    softmax(ss.p + j &* tokens, count: tokens)
                    (so.p + j &* d).update(repeating: 0, count: d)
                }
                for t in 0..<tokens {
                    let vrow = vBase + t &* d
                    for j in h..<end {
                        axpy(ss.p[j &* tokens &+ t], vrow, so.p + j &* d, count: d)
                    }
                }
                h = end
            }
        }
    }
}
