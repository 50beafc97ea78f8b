import Testing
@testable import ArchSpec

/// Deterministic pseudo-random fp32 values in [-1, 1).
func pseudoRandom(_ count: Int, seed: UInt64) -> [Float] {
    var state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return (0..<count).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Float(Int64(bitPattern: state >> 11) % 2_000_000) / 1_000_000 - 1
    }
}

func maxRelativeError(_ a: [Float], _ b: [Float]) -> Float {
    let scale = max(b.map(abs).max() ?? 1, 1e-6)
    return zip(a, b).map { abs($0 - $1) }.max().map { $0 / scale } ?? 0
}

/// C = A·B with A M x K, B stored K x N (`transposed` false) or N x K (true), by the definition.
func naiveGEMM(m: Int, n: Int, k: Int, a: [Float], b: [Float], transposed: Bool) -> [Float] {
    var c = [Float](repeating: 0, count: m * n)
    for i in 0..<m {
        for j in 0..<n {
            var s: Double = 0
            for p in 0..<k { s += Double(a[i * k + p]) * Double(transposed ? b[j * k + p] : b[p * n + j]) }
            c[i * n + j] = Float(s)
        }
    }
    return c
}

@Suite struct CalibrationKernelTests {
    static let shapes: [(Int, Int, Int)] = [(1, 16, 16), (7, 33, 300), (13, 37, 5), (6, 16, 256), (30, 1040, 70)]

    @Test(arguments: KernelVariant.allCases, [1, 2])
    func gemmMatchesDefinition(variant: KernelVariant, threads: Int) {
        let backend = KernelBackend(variant: variant, threads: threads)
        for (m, n, k) in Self.shapes {
            for transposed in [true, false] {
                let a = pseudoRandom(m * k, seed: 1), b = pseudoRandom(k * n, seed: 2)
                var c = [Float](repeating: .nan, count: m * n)
                a.withUnsafeBufferPointer { pa in
                    b.withUnsafeBufferPointer { pb in
                        c.withUnsafeMutableBufferPointer { pc in
                            backend.sgemm(m: m, n: n, k: k, a: pa.baseAddress!, lda: k, b: pb.baseAddress!,
                                          ldb: transposed ? k : n, transposedB: transposed, c: pc.baseAddress!, ldc: n)
                        }
                    }
                }
                let expected = naiveGEMM(m: m, n: n, k: k, a: a, b: b, transposed: transposed)
                #expect(maxRelativeError(c, expected) < 1e-5, "m \(m) n \(n) k \(k) transposed \(transposed)")
            }
        }
    }

    @Test(arguments: KernelVariant.allCases, [1, 4])
    func gemvFormatsMatchDefinition(variant: KernelVariant, streams: Int) {
        let backend = KernelBackend(variant: variant, threads: 2, gemvStreams: streams)
        #expect(backend.gemvStreams == streams)
        var n = 70, k = 101, group = 32  // k = 101: six 16-element blocks and a 5-element tail
        var w = pseudoRandom(n * k, seed: 3), x = pseudoRandom(k, seed: 4)
        var y = [Float](repeating: .nan, count: n)
        // n = 70: one thread's range, four rows from its quarters (17 each) and a 2-row tail; n = 203: two threads'
        // ranges, one with a 3-row tail.
        for rows in [70, 203] {
            let w = pseudoRandom(rows * k, seed: 3)
            var y = [Float](repeating: .nan, count: rows)
            backend.gemvF32(n: rows, k: k, w: w, x: x, y: &y)
            #expect(maxRelativeError(y, naiveGEMM(m: 1, n: rows, k: k, a: x, b: w, transposed: true)) < 1e-5, "n \(rows)")

            // bf16: truncate to the top 16 bits, and compare against the same truncated weights in fp32.
            let bits = w.map { UInt16($0.bitPattern >> 16) }
            let widened = bits.map { Float(bitPattern: UInt32($0) << 16) }
            backend.gemvBF16(n: rows, k: k, w: bits, x: x, y: &y)
            #expect(maxRelativeError(y, naiveGEMM(m: 1, n: rows, k: k, a: x, b: widened, transposed: true)) < 1e-5,
                    "n \(rows)")
        }

        // int8: q in [-127, 127], one scale per 32 elements of a row (k a multiple of the group), on the exact
        // widening path (the integer paths round x: CalibrationInt8DotTests).
        let widening = KernelBackend(variant: variant, threads: 2, int8Path: .widening, gemvStreams: streams)
        (n, k) = (70, 96)
        (w, x) = (pseudoRandom(n * k, seed: 3), pseudoRandom(k, seed: 4))
        let q = w.map { Int8(($0 * 127).rounded()) }
        let scales = pseudoRandom(n * k / group, seed: 5).map { abs($0) + 0.01 }
        let dequantised = (0..<(n * k)).map { Float(q[$0]) * scales[($0 / k) * (k / group) + ($0 % k) / group] }
        widening.gemvInt8(n: n, k: k, q: q, scales: scales, group: group, x: x, y: &y)
        #expect(maxRelativeError(y, naiveGEMM(m: 1, n: n, k: k, a: x, b: dequantised, transposed: true)) < 1e-5)
    }

    @Test(arguments: KernelVariant.allCases)
    func streamKernelsComputeTheirDefinitions(variant: KernelVariant) {
        let backend = KernelBackend(variant: variant, threads: 2)
        let count = 1003
        let b = (0..<count).map { Double($0) }, c = (0..<count).map { Double($0 % 7) }
        var a = [Double](repeating: 0, count: count)
        backend.triad(a: &a, b: b, c: c, scalar: 3, count: count)
        let expected: [Double] = (0..<count).map { i in Double(i) + 3 * Double(i % 7) }
        #expect(a == expected)
        backend.copy(a: &a, b: c, count: count)
        #expect(a == c)
        let sum = backend.read(b, count: count)
        #expect(sum == Double(count * (count - 1) / 2))
    }

    @Test func vectorExpIsAccurate() {
        for x: Float in [-80, -10, -1, -0.5, 0, 0.3, 1, 5, 20, 80] {
            let reference = Float(_exp(Double(x)))
            #expect(abs(KernelBackend(variant: .fma, threads: 1).exp(x) - reference) <= 3e-7 * reference, "exp(\(x))")
        }
    }
}

/// e^x by its series around the nearest integer multiple of ln 2 (Double reference, no Foundation).
func _exp(_ x: Double) -> Double {
    let n = (x / 0.693_147_180_559_945_3).rounded()
    let r = x - n * 0.693_147_180_559_945_3
    var term = 1.0, sum = 1.0
    for i in 1..<30 {
        term *= r / Double(i)
        sum += term
    }
    return sum * pow2(Int(n))
}

func pow2(_ n: Int) -> Double {
    Double(sign: .plus, exponent: n, significand: 1)
}
