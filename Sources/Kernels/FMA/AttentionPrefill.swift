extension Kernels {
    /// Causal self-attention over `tokens` new tokens at positions 0..<tokens, with their keys and values
    /// already written to the cache, through the packed GEMM.
    ///
    /// `q` and `out` are tokens x (heads * headDim) row-major. Rows are processed in blocks of 128 so that
    /// each block multiplies only against the keys it may see (about half the square's FLOPs).
    /// `scores` must hold `128 * tokens` floats.
    public static func attentionPrefill(
        q: UnsafePointer<Float>, keys: UnsafePointer<Float>, values: UnsafePointer<Float>, tokens: Int,
        shape: AttentionShape, out: UnsafeMutablePointer<Float>, scores: UnsafeMutablePointer<Float>,
        threads: Int, workspace: GEMMWorkspace
    ) {
        let d = shape.headDim, ld = shape.heads &* d, group = shape.heads / max(1, shape.kvHeads)
        let block = 128
        let scale = 1 / Float(d).squareRoot()
        for h in 0..<shape.heads {
            let kvHead = h / group
            let kBase = keys + kvHead &* shape.capacity &* d
            let vBase = values + kvHead &* shape.capacity &* d
            var start = 0
            while start < tokens {
                let rows = min(block, tokens &- start)
                let seen = start &+ rows
                sgemm(m: rows, n: seen, k: d, a: q + (start &* ld &+ h &* d), lda: ld, b: kBase, ldb: d,
                      layout: .nByK, c: scores, ldc: seen, threads: threads, workspace: workspace)
                for r in 0..<rows {
                    let row = scores + r &* seen
                    let visible = start &+ r &+ 1
                    for j in 0..<visible { row[j] *= scale }
                    softmax(row, count: visible)
                    (row + visible).update(repeating: 0, count: seen &- visible)
                }
                sgemm(m: rows, n: d, k: seen, a: scores, lda: seen, b: vBase, ldb: d, layout: .kByN,
                      c: out + (start &* ld &+ h &* d), ldc: ld, threads: threads, workspace: workspace)
                start &+= rows
            }
        }
    }
}
