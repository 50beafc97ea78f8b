/// How decode weights are stored for the GEMV probe.
public enum WeightFormat: String, Hashable, Codable, Sendable, CaseIterable {
    case fp32
    /// bfloat16, widened to fp32 on the fly.
    case bf16
    /// int8 with one fp32 scale per 32 weights of a row (scales counted in the bytes).
    case int8

    /// Stored bytes for an N x K matrix, scales included.
    public func bytes(n: Int, k: Int) -> Int {
        switch self {
        case .fp32: 4 * n * k
        case .bf16: 2 * n * k
        case .int8: n * k + 4 * n * (k / GEMVProbe.group)
        }
    }
}

/// Decode GEMV (M = 1) throughput for one weight format, bytes of weights per second.
public struct GEMVPoint: Hashable, Codable, Sendable {
    public var format: WeightFormat
    public var n: Int
    public var k: Int
    public var threads: Int
    /// Stored weight bytes streamed per call.
    public var bytes: Int
    public var rate: Rate
}

/// GEMV / decode: streams one weight matrix per call, fp32, bf16 or int8 with per-group scales.
public enum GEMVProbe {
    /// Weights per int8 scale.
    public static let group = 32

    /// - Parameters:
    ///   - minimumBytes: Each format's matrix is made at least this large (pass 4x the last-level cache).
    public static func run(
        k: Int, minimumBytes: Int, formats: [WeightFormat], threads: [Int], variant: KernelVariant,
        protocol proto: BenchmarkProtocol, progress: (String) -> Void = { _ in }
    ) -> [GEMVPoint] {
        let k = max(group, k / group * group)
        let x = (0..<k).map { Float($0 % 3) * 0.5 }
        var points: [GEMVPoint] = []
        for format in formats {
            let perRow = format.bytes(n: 1, k: k)
            let n = max(64, (minimumBytes + perRow - 1) / perRow)
            let bytes = format.bytes(n: n, k: k)
            let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
            defer { raw.deallocate() }
            raw.initializeMemory(as: UInt8.self, repeating: 0x3C, count: bytes)
            var y = [Float](repeating: 0, count: n)
            for t in threads {
                let backend = KernelBackend(variant: variant, threads: t)
                progress("gemv \(format.rawValue) \(n)x\(k), \(t) thread\(t == 1 ? "" : "s")")
                let timing = y.withUnsafeMutableBufferPointer { yb in
                    let yp = yb.baseAddress!
                    return measure(work: Double(bytes), protocol: proto) {
                        switch format {
                        case .fp32: backend.gemvF32(n: n, k: k, w: raw.assumingMemoryBound(to: Float.self), x: x, y: yp)
                        case .bf16: backend.gemvBF16(n: n, k: k, w: raw.assumingMemoryBound(to: UInt16.self), x: x, y: yp)
                        case .int8:
                            let scales = (raw + n * k).assumingMemoryBound(to: Float.self)
                            backend.gemvInt8(n: n, k: k, q: raw.assumingMemoryBound(to: Int8.self), scales: scales,
                                             group: group, x: x, y: yp)
                        }
                        return yp[0]
                    }
                }
                points.append(GEMVPoint(format: format, n: n, k: k, threads: t, bytes: bytes, rate: Rate(timing)))
            }
        }
        return points
    }
}
