extension GEMVProbe {
    /// fp32 GEMV at a spec's own (N, K) shapes, rotating over enough copies of the matrix that the total
    /// exceeds `minimumBytes` (4x the last-level cache), so every call streams from memory as in a real decode
    /// step, where the other layers' weights have evicted this one.
    public static func runShapes(
        _ shapes: [(n: Int, k: Int)], minimumBytes: Int, threads: [Int], variant: KernelVariant,
        protocol proto: BenchmarkProtocol, progress: (String) -> Void = { _ in }
    ) -> [GEMVPoint] {
        var points: [GEMVPoint] = []
        for shape in shapes where shape.n > 0 && shape.k > 0 {
            let matrix = shape.n * shape.k
            let copies = max(1, (minimumBytes / 4 + matrix - 1) / matrix)
            let weights = UnsafeMutablePointer<Float>.allocate(capacity: copies * matrix)
            defer { weights.deallocate() }
            weights.initialize(repeating: 0.01, count: copies * matrix)
            let x = [Float](repeating: 0.5, count: shape.k)
            var y = [Float](repeating: 0, count: shape.n)
            for t in threads {
                let backend = KernelBackend(variant: variant, threads: t)
                progress("gemv fp32 \(shape.n)x\(shape.k) (\(copies) copies), \(t) thread\(t == 1 ? "" : "s")")
                var next = 0
                let timing = y.withUnsafeMutableBufferPointer { yb in
                    measure(work: Double(4 * matrix), protocol: proto) {
                        backend.gemvF32(n: shape.n, k: shape.k, w: weights + next * matrix, x: x, y: yb.baseAddress!)
                        next = (next + 1) % copies
                        return yb[0]
                    }
                }
                points.append(GEMVPoint(format: .fp32, n: shape.n, k: shape.k, threads: t, bytes: 4 * matrix,
                                        rate: Rate(timing)))
            }
        }
        return points
    }
}
