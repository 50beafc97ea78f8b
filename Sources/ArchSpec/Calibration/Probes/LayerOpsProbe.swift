/// The forward pass's elementwise and row-wise operations, as `KernelBackend` runs them.
public enum LayerOp: String, Hashable, Codable, Sendable, CaseIterable {
    case rmsnorm, layernorm, add, rope
    /// gate = silu(gate) · up.
    case siluMultiply = "silu_multiply"
    /// x = gelu(x), tanh approximation.
    case gelu
}

/// One layer operation timed on `rows` rows of `width` floats in one call, elements per second.
public struct LayerOpPoint: Hashable, Codable, Sendable {
    public var op: LayerOp
    public var rows: Int
    public var width: Int
    /// Calls per timed sample (small calls are batched so a sample outlasts the clock's resolution).
    public var calls: Int
    /// Elements (rows x width) per second.
    public var rate: Rate
    /// Whether each call ran on operands evicted first (`LayerOpsProbe`'s cold points: a read of a buffer larger
    /// than the last-level cache before every call, as a decode step's weight stream evicts them); nil (in cache)
    /// in profiles written before cold points were measured.
    public var cold: Bool? = nil

    /// Seconds of one call at the sustained rate.
    public var secondsPerCall: Double { rate.sustained > 0 ? Double(rows * width) / rate.sustained : 0 }
}

/// Times each `LayerOp` on one thread (the forward pass runs them on one thread whatever the thread count), on
/// one row and on `LayerOpsProbe.manyRows` rows of `width` floats: the one-row call gives the fixed cost per call,
/// the many-row call the cost per element. Each is timed twice: from buffers that stay in cache (calls repeated
/// back to back), and cold, one call per sample right after reading `evictBytes` of another buffer (as in a decode
/// step, where each op runs after a weight stream has evicted its operands and their pages' TLB entries).
public enum LayerOpsProbe {
    /// Rows of the per-element measurement.
    public static let manyRows = 64
    /// Width of every measurement when the plan names none.
    public static let defaultWidth = 1024

    /// - Parameter evictBytes: Bytes read before each cold call (at least the last-level cache); 0 times no cold
    ///   points.
    public static func run(
        width: Int = defaultWidth, variant: KernelVariant, protocol proto: BenchmarkProtocol, evictBytes: Int = 0,
        progress: (String) -> Void = { _ in }
    ) -> [LayerOpPoint] {
        let width = max(16, min(width, 1 << 16)) / 2 * 2
        let count = manyRows * width
        let x = UnsafeMutablePointer<Float>.allocate(capacity: count), y = UnsafeMutablePointer<Float>.allocate(capacity: count)
        let weight = UnsafeMutablePointer<Float>.allocate(capacity: width), bias = UnsafeMutablePointer<Float>.allocate(capacity: width)
        let half = width / 2
        let cos = UnsafeMutablePointer<Float>.allocate(capacity: manyRows * half)
        let sin = UnsafeMutablePointer<Float>.allocate(capacity: manyRows * half)
        defer { for p in [x, y, weight, bias, cos, sin] { p.deallocate() } }
        for i in 0..<count { x[i] = Float(i % 97) * 0.01 - 0.4; y[i] = Float(i % 89) * 0.01 - 0.3 }
        weight.initialize(repeating: 1, count: width)
        bias.initialize(repeating: 0, count: width)
        cos.initialize(repeating: 0.6, count: manyRows * half)
        sin.initialize(repeating: 0.8, count: manyRows * half)
        let backend = KernelBackend(variant: variant, threads: 1)
        let evictCount = max(0, min(evictBytes, 1 << 32)) / 8
        let evict = UnsafeMutablePointer<Double>.allocate(capacity: max(1, evictCount))
        defer { evict.deallocate() }
        evict.initialize(repeating: 1, count: max(1, evictCount))
        var points: [LayerOpPoint] = []
        for op in LayerOp.allCases {
            progress("layer op \(op.rawValue)")
            for rows in [1, manyRows] {
                let elements = rows * width
                // About 16K elements per sample, so one sample of a one-row call is several calls.
                let calls = max(1, 16_384 / elements)
                func call(_ calls: Int) -> Float {
                    for _ in 0..<calls {
                        switch op {
                        case .rmsnorm: backend.rmsNorm(x, weight: weight, out: y, rows: rows, dim: width, eps: 1e-5)
                        case .layernorm:
                            backend.layerNorm(x, weight: weight, bias: bias, out: y, rows: rows, dim: width, eps: 1e-5)
                        case .add: backend.add(x, into: y, count: elements)
                        case .rope:
                            backend.rope(y, rows: rows, heads: 1, headDim: width, rowStride: width, cos: cos, sin: sin)
                        case .siluMultiply:
                            // Re-seeded so repeated calls do not run towards zeros or denormals.
                            y.update(from: x, count: elements)
                            backend.siluMultiply(y, x, count: elements)
                        case .gelu:
                            y.update(from: x, count: elements)
                            backend.gelu(y, count: elements)
                        }
                    }
                    return y[elements - 1]
                }
                let timing = measure(work: Double(elements * calls), protocol: proto) { call(calls) }
                points.append(LayerOpPoint(op: op, rows: rows, width: width, calls: calls, rate: Rate(timing)))
                guard evictCount > 0 else { continue }
                let cold = coldTiming(work: Double(elements), samples: 2 * max(1, proto.samples), backend: backend,
                                      evict: evict, count: evictCount) { call(1) }
                points.append(LayerOpPoint(op: op, rows: rows, width: width, calls: 1, rate: Rate(cold), cold: true))
            }
        }
        return points
    }

    /// `samples` timed calls of `body` (one more first, dropped), each right after reading `count` doubles of
    /// `evict` (not timed), with the interference around them.
    static func coldTiming(work: Double, samples n: Int, backend: KernelBackend, evict: UnsafeMutablePointer<Double>,
                           count: Int, _ body: () -> Float) -> Timing {
        let clock = ContinuousClock(), start = SystemLoadSample.now(), windowStart = clock.now
        var kept: [Double] = [], sink = 0.0
        for i in 0...n {
            sink += backend.read(evict, count: count)
            let t0 = clock.now
            consume(body())
            if i > 0 { kept.append(seconds(clock.now - t0)) }
        }
        consume(sink)
        let interference = Interference(from: start, to: .now(), wall: seconds(clock.now - windowStart))
        return Timing(seconds: kept, work: work, interference: interference)
    }
}
