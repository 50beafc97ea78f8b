import Testing
@testable import ArchSpec

/// The int8 GEMV's integer dot-product paths (x rounded to int16 per group) against the exact definition, on
/// every kernel copy and path this CPU runs, with the rounding bound their documentation states.
@Suite struct CalibrationInt8DotTests {
    /// (n, k, group): partial row quads (n = 1, 3, 67), groups of 16 (ymm tail only), 48 (one zmm step and a
    /// tail) and 32 / 128 (whole zmm steps), and a decode-sized row. Group 32 has its own straight-line path
    /// (eight groups a step): one group (tail only), eight (one step), eleven (a step and a three-group tail).
    static let shapes: [(Int, Int, Int)] = [(1, 32, 32), (3, 48, 16), (4, 96, 48), (67, 256, 32), (130, 384, 128),
                                            (9, 4096, 32), (5, 352, 32)]

    static var cases: [(KernelVariant, Int8Path)] {
        KernelVariant.allCases.flatMap { v in Int8Path.available(variant: v, features: .detect()).map { (v, $0) } }
    }
    /// Every case with 1 and 2 threads, reading 1 or 4 rows at once.
    static var casesThreadsStreams: [(KernelVariant, Int8Path, Int, Int)] {
        cases.flatMap { c in [(1, 1), (1, 4), (2, 1), (2, 4)].map { (c.0, c.1, $0.0, $0.1) } }
    }

    struct Problem {
        var n, k, group: Int
        var q: [Int8]
        var scales: [Float]
        var x: [Float]
        init(n: Int, k: Int, group: Int, seed: UInt64) {
            (self.n, self.k, self.group) = (n, k, group)
            q = pseudoRandom(n * k, seed: seed).map { Int8(($0 * 127).rounded()) }
            scales = pseudoRandom(n * k / group, seed: seed + 1).map { abs($0) * 0.01 + 1e-4 }
            x = pseudoRandom(k, seed: seed + 2).map { $0 * 3 }
        }
        func w(_ r: Int, _ i: Int) -> Double { Double(q[r * k + i]) * Double(scales[r * (k / group) + i / group]) }
        /// y by the definition, in Double.
        var exact: [Double] { (0..<n).map { r in (0..<k).reduce(0) { $0 + w(r, $1) * Double(x[$1]) } } }
        /// Per row: the int16 rounding bound (sum |w| x max |x_g| / 65534 per group, plus the scale's own fp32
        /// rounding) and fp32 summation (1e-6 of sum |w x|).
        var bound: [Double] {
            (0..<n).map { r in
                (0..<(k / group)).reduce(0.0) { total, g in
                    let span = (g * group)..<((g + 1) * group)
                    let peak = span.map { Double(abs(x[$0])) }.max() ?? 0
                    let sumW = span.reduce(0.0) { $0 + abs(w(r, $1)) }
                    let sumWX = span.reduce(0.0) { $0 + abs(w(r, $1) * Double(x[$1])) }
                    return total + sumW * peak * (1.0 / 65534 + 2e-7) + 1e-6 * sumWX
                }
            }
        }
        func run(_ backend: KernelBackend) -> [Float] {
            var y = [Float](repeating: .nan, count: n)
            backend.gemvInt8(n: n, k: k, q: q, scales: scales, group: group, x: x, y: &y)
            return y
        }
    }

    @Test(arguments: casesThreadsStreams)
    func integerPathsStayWithinTheRoundingBound(variant: KernelVariant, path: Int8Path, threads: Int, streams: Int) {
        let backend = KernelBackend(variant: variant, threads: threads, int8Path: path, gemvStreams: streams)
        #expect(backend.int8Path == path && backend.gemvStreams == streams)
        for (index, (n, k, group)) in Self.shapes.enumerated() {
            let p = Problem(n: n, k: k, group: group, seed: UInt64(11 + index))
            let y = p.run(backend), exact = p.exact, bound = p.bound
            for r in 0..<n {
                #expect(abs(Double(y[r]) - exact[r]) <= bound[r],
                        "\(variant) \(path) streams \(streams) n \(n) k \(k) group \(group) row \(r): \(y[r]) against \(exact[r])")
            }
        }
    }

    @Test(arguments: cases)
    func nonFiniteAndZeroActivationsFollowTheDefinition(variant: KernelVariant, path: Int8Path) {
        let backend = KernelBackend(variant: variant, threads: 2, int8Path: path)
        var p = Problem(n: 70, k: 64, group: 32, seed: 3)
        p.x = [Float](repeating: 0, count: 64)
        #expect(p.run(backend).allSatisfy { $0 == 0 })
        p.x[40] = .nan
        #expect(p.run(backend).allSatisfy { $0.isNaN }, "a NaN in x reaches every row, as in the definition")
        p.x[40] = 1e-40  // a subnormal group: its int16 scale would underflow, so the exact path runs
        let y = p.run(backend), exact = p.exact
        #expect(zip(y, exact).allSatisfy { abs(Double($0) - $1) <= 1e-44 })
    }

    @Test func gemvStreamsFollowTheRequest() {
        #expect(KernelBackend.gemvStreams(asked: 1) == 1 && KernelBackend.gemvStreams(asked: 4) == 4)
        #expect(KernelBackend.gemvStreams(asked: 3) == KernelBackend.gemvStreams(), "only 1 or 4")
        #expect(KernelBackend(variant: .portable, threads: 1, gemvStreams: 1).gemvStreams == 1)
    }

    @Test func pathChoiceFollowsTheFlagsAndTheOverride() {
        let vnni = CPUFeatures(avx2: true, fma: true, avx512f: true, avx512: true, avx512vnni: true)
        let plain = CPUFeatures(avx2: true, fma: true, avx512f: true, avx512: true)
        #expect(CPUFeatures.parse(cpuinfo: "flags : avx2 fma avx512f avx512_vnni").avx512vnni)
        #expect(!CPUFeatures.parse(cpuinfo: "flags : avx2 fma avx512f avx512vnni_x").avx512vnni)
        #expect(Int8Path.best(variant: .portable, features: vnni, override: nil) == .widening)
        #if arch(x86_64)
        #expect(Int8Path.best(variant: .avx512, features: vnni, override: nil) == .vnni512)
        #expect(Int8Path.best(variant: .avx512, features: plain, override: nil) == .avx2)
        #expect(Int8Path.best(variant: .fma, features: vnni, override: nil) == .avx2)
        #expect(Int8Path.best(variant: .avx512, features: vnni, override: "avx2-madd") == .avx2)
        #expect(Int8Path.best(variant: .avx512, features: vnni, override: "widening") == .widening)
        #expect(Int8Path.best(variant: .avx512, features: vnni, override: "unknown") == .vnni512)
        #else
        #expect(Int8Path.best(variant: .fma, features: vnni, override: nil) == .widening)
        #endif
    }
}
