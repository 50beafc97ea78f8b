/// The STREAM-style kernels of the bandwidth probe.
public enum StreamKernel: String, Hashable, Codable, Sendable, CaseIterable {
    /// Sum with four read streams per thread: 8 bytes per element.
    case read
    /// a = b: 16 bytes per element (write-allocate traffic not counted, as STREAM does).
    case copy
    /// a = b + s·c: 24 bytes per element.
    case triad

    /// Bytes credited per element.
    public var bytesPerElement: Int {
        switch self {
        case .read: 8
        case .copy: 16
        case .triad: 24
        }
    }
}

/// Streaming bandwidth of one kernel at one thread count, bytes/s.
public struct BandwidthPoint: Hashable, Codable, Sendable {
    public var kernel: StreamKernel
    public var threads: Int
    /// Bytes of one array (every array is at least 4x the last-level cache).
    public var arrayBytes: Int
    public var rate: Rate

    enum CodingKeys: String, CodingKey { case kernel, threads, arrayBytes = "array_bytes", rate }
}

/// Memory bandwidth: read, copy and triad over fp64 arrays far beyond the last-level cache, 1...N threads.
public enum BandwidthProbe {
    /// - Parameter arrayBytes: Bytes per array; callers pass at least 4x the last-level cache.
    public static func run(
        arrayBytes: Int, threads: [Int], variant: KernelVariant, protocol proto: BenchmarkProtocol,
        progress: (String) -> Void = { _ in }
    ) -> [BandwidthPoint] {
        let count = max(1 << 17, arrayBytes / 8)
        let a = UnsafeMutablePointer<Double>.allocate(capacity: count)
        let b = UnsafeMutablePointer<Double>.allocate(capacity: count)
        let c = UnsafeMutablePointer<Double>.allocate(capacity: count)
        defer { a.deallocate(); b.deallocate(); c.deallocate() }
        a.initialize(repeating: 1, count: count)
        b.initialize(repeating: 2, count: count)
        c.initialize(repeating: 0.5, count: count)
        var points: [BandwidthPoint] = []
        for t in threads {
            let backend = KernelBackend(variant: variant, threads: t)
            for kernel in StreamKernel.allCases {
                progress("bandwidth \(kernel.rawValue), \(t) thread\(t == 1 ? "" : "s")")
                let work = Double(kernel.bytesPerElement * count)
                let timing: Timing = switch kernel {
                case .read: measure(work: work, protocol: proto) { backend.read(b, count: count) }
                case .copy: measure(work: work, protocol: proto) { backend.copy(a: a, b: b, count: count); return a[7] }
                case .triad:
                    measure(work: work, protocol: proto) {
                        backend.triad(a: a, b: b, c: c, scalar: 3, count: count)
                        return a[count - 1]
                    }
                }
                points.append(BandwidthPoint(kernel: kernel, threads: t, arrayBytes: count * 8, rate: Rate(timing)))
            }
        }
        return points
    }
}
