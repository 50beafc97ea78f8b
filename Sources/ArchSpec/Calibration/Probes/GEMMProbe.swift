/// A matrix product x[M,K] · Wᵀ with W stored N x K (a linear layer over M tokens).
public struct GEMMShape: Hashable, Codable, Sendable, Comparable {
    public var m: Int
    public var n: Int
    public var k: Int

    public init(m: Int, n: Int, k: Int) {
        self.m = m
        self.n = n
        self.k = k
    }

    /// 2·M·N·K.
    public var flops: Double { 2 * Double(m) * Double(n) * Double(k) }

    public static func < (a: GEMMShape, b: GEMMShape) -> Bool { (a.k, a.n, a.m) < (b.k, b.n, b.m) }

    /// M = 1, 2, 4, ... 512 against each weight shape (N, K).
    public static func sweep(weights: [(n: Int, k: Int)], rows: [Int] = (0...9).map { 1 << $0 }) -> [GEMMShape] {
        weights.flatMap { w in rows.map { GEMMShape(m: $0, n: w.n, k: w.k) } }
    }
}

/// Who produced a compute figure.
public enum ComputeSource: String, Hashable, Codable, Sendable {
    /// archcalc's own packed Swift kernel.
    case archcalc
    /// A system BLAS `sgemm` loaded at run time.
    case blas
}

/// Throughput of one GEMM shape at one thread count, FLOP/s.
public struct GEMMPoint: Hashable, Codable, Sendable {
    public var shape: GEMMShape
    public var threads: Int
    public var source: ComputeSource
    public var rate: Rate
}

/// GEMM (fp32) at model shapes with the packed kernel, 1...N threads.
///
/// The weight is packed once per shape before timing (`KernelBackend.pack`), as an inference engine packs its
/// weights at load time: the figures are the GEMM, not the re-packing of a static weight on every call.
public enum GEMMProbe {
    public static func run(
        shapes: [GEMMShape], threads: [Int], variant: KernelVariant, protocol proto: BenchmarkProtocol,
        progress: (String) -> Void = { _ in }
    ) -> [GEMMPoint] {
        guard let maxA = shapes.map({ $0.m * $0.k }).max(), let maxW = shapes.map({ $0.n * $0.k }).max(),
              let maxC = shapes.map({ $0.m * $0.n }).max() else { return [] }
        let a = UnsafeMutablePointer<Float>.allocate(capacity: maxA)
        let w = UnsafeMutablePointer<Float>.allocate(capacity: maxW)
        let c = UnsafeMutablePointer<Float>.allocate(capacity: maxC)
        defer { a.deallocate(); w.deallocate(); c.deallocate() }
        for i in 0..<maxA { a[i] = Float(i % 7) * 0.01 }
        for i in 0..<maxW { w[i] = Float(i % 5) * 0.01 }
        c.initialize(repeating: 0, count: maxC)
        var points: [GEMMPoint] = []
        for t in threads {
            let backend = KernelBackend(variant: variant, threads: t)
            for s in shapes {
                progress("gemm m=\(s.m) n=\(s.n) k=\(s.k), \(t) thread\(t == 1 ? "" : "s")")
                let packed = backend.pack(n: s.n, k: s.k, b: w, ldb: s.k, transposedB: true)
                let timing = measure(work: s.flops, protocol: proto) {
                    backend.sgemm(m: s.m, a: a, lda: s.k, packed: packed, c: c, ldc: s.n)
                    return c[0]
                }
                points.append(GEMMPoint(shape: s, threads: t, source: .archcalc, rate: Rate(timing)))
            }
        }
        return points
    }
}
