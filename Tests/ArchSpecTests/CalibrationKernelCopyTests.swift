import KernelsWideCheck
import Testing
@testable import ArchSpec

/// The AVX-512 copy's dispatch, the packed-weight GEMM on every copy this CPU runs, and the 6x64 tile code.
@Suite struct CalibrationKernelCopyTests {
    static let avx512Here = KernelVariant.avx512.runs(on: .detect())

    /// Rows 1...8 take the small tiles (1, 2, 4, 6 and their mixes); 13 adds a padded 5-row tail; n = 130 and
    /// 1040 leave partial 16- and 64-column slivers (and M = 1 with 1040 runs the four-sliver row kernel); k = 300
    /// spans several depth blocks (kc 256 or 128).
    static let shapes: [(Int, Int, Int)] = [
        (1, 130, 300), (2, 37, 5), (3, 16, 256), (4, 64, 129), (5, 130, 300), (6, 1040, 70), (7, 33, 300),
        (8, 130, 257), (13, 65, 300), (1, 1040, 300),
    ]

    @Test func avx512FlagsAreParsedAndChosen() {
        let all = "flags : sse2 avx avx2 fma avx512f avx512dq avx512cd avx512bw avx512vl"
        let parsed = CPUFeatures.parse(cpuinfo: all)
        #expect(parsed.avx512 && parsed.avx512f)
        #expect(!CPUFeatures.parse(cpuinfo: "flags : avx2 fma avx512f avx512vl").avx512, "avx512f alone is not enough")
        #if arch(x86_64)
        #expect(KernelVariant.best(features: parsed, override: nil) == .avx512)
        #expect(KernelVariant.best(features: parsed, override: "fma") == .fma)
        #expect(KernelVariant.runnable(features: parsed) == [.avx512, .fma, .portable])
        #expect(KernelVariant.runnable(features: CPUFeatures(avx2: true, fma: true)) == [.fma, .portable])
        #endif
        #expect(KernelVariant.best(features: parsed, override: "portable") == .portable)
        #expect(KernelVariant.allCases.allSatisfy { $0.runs(on: .detect()) })
    }

    @Test func profilesWithoutTheAVX512FieldStillDecode() throws {
        let root = try #require(try YAMLComposer.compose("avx2: true\nfma: true\navx512f: false\n").root)
        let old = try YAMLNodeDecoder().decode(CPUFeatures.self, from: root)
        #expect(old == CPUFeatures(avx2: true, fma: true))
    }

    @Test(arguments: KernelVariant.allCases, [1, 2])
    func packedGEMMMatchesDefinition(variant: KernelVariant, threads: Int) {
        let backend = KernelBackend(variant: variant, threads: threads)
        for (m, n, k) in Self.shapes {
            for transposed in [true, false] {
                let a = pseudoRandom(m * k, seed: 7), b = pseudoRandom(k * n, seed: 8)
                var c = [Float](repeating: .nan, count: m * n)
                let packed = backend.pack(n: n, k: k, b: b, ldb: transposed ? k : n, transposedB: transposed)
                #expect(packed.bytes >= 4 * n * k)
                c.withUnsafeMutableBufferPointer { pc in
                    backend.sgemm(m: m, a: a, lda: k, packed: packed, c: pc.baseAddress!, ldc: n)
                }
                let expected = naiveGEMM(m: m, n: n, k: k, a: a, b: b, transposed: transposed)
                #expect(maxRelativeError(c, expected) < 1e-5, "\(variant) m \(m) n \(n) k \(k) transposed \(transposed)")
            }
        }
    }

    /// The AVX-512 copy's tile code (64-column slivers, kc = 128), compiled for AVX2 so it runs on this host.
    @Test(arguments: [1, 2])
    func wideTileCodeMatchesDefinition(threads: Int) {
        #expect(KernelsWideCheck.Kernels.tileColumns == 64)
        let workspace = KernelsWideCheck.GEMMWorkspace(threads: threads)
        for (m, n, k) in Self.shapes + [(30, 1040, 70)] {
            for transposed in [true, false] {
                let a = pseudoRandom(m * k, seed: 9), b = pseudoRandom(k * n, seed: 10)
                let expected = naiveGEMM(m: m, n: n, k: k, a: a, b: b, transposed: transposed)
                var c = [Float](repeating: .nan, count: m * n), d = c
                let layout: KernelsWideCheck.MatrixLayout = transposed ? .nByK : .kByN
                KernelsWideCheck.Kernels.sgemm(m: m, n: n, k: k, a: a, lda: k, b: b, ldb: transposed ? k : n,
                                               layout: layout, c: &c, ldc: n, threads: threads, workspace: workspace)
                let packed = KernelsWideCheck.PackedMatrix(n: n, k: k, b: b, ldb: transposed ? k : n, layout: layout)
                KernelsWideCheck.Kernels.sgemm(m: m, a: a, lda: k, packed: packed, c: &d, ldc: n, threads: threads,
                                               workspace: workspace)
                #expect(maxRelativeError(c, expected) < 1e-5, "m \(m) n \(n) k \(k) transposed \(transposed)")
                #expect(maxRelativeError(d, expected) < 1e-5, "packed m \(m) n \(n) k \(k) transposed \(transposed)")
            }
        }
    }

    @Test(.enabled(if: avx512Here, "skipped: this CPU lacks AVX-512 F/CD/BW/DQ/VL, so the AVX-512 copy cannot run here"))
    func avx512CopyRunsEveryKernelCheck() {
        // The parameterised kernel tests cover `.avx512` through `allCases` where it runs; this names the check.
        #expect(KernelVariant.allCases.first == .avx512)
        #expect(KernelVariant.best(override: nil) == .avx512)
    }
}
