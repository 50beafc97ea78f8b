import Testing
@testable import ArchSpec

/// The measured-clock peak: rounding, the figure and its basis, and a real (short) measurement.
@Suite struct CalibrationPeakTests {
    @Test func flopsPerCycleRoundToThePowerOfTwo() {
        // Under a 2.45 GHz TSC a Zen 3 core measured 30.7 FLOP/cycle (two 256-bit FMA pipes: 32).
        #expect(PeakMeasurement.powerOfTwo(30.7) == 32)
        #expect(PeakMeasurement.powerOfTwo(35.1) == 32)
        #expect(PeakMeasurement.powerOfTwo(44.0) == 32)  // below the geometric midpoint 45.25
        #expect(PeakMeasurement.powerOfTwo(46.0) == 64)
        #expect(PeakMeasurement.powerOfTwo(60.2) == 64)
        #expect(PeakMeasurement.powerOfTwo(0.5) == 1)
        #expect(PeakMeasurement.powerOfTwo(.nan) == 1)
    }

    @Test func peakIsCoresTimesMeasuredClockTimesFlopsPerCycle() {
        let m = PeakMeasurement(clockHz: 3.14e9, fmaFlopsOneCore: 99.5e9, flopsPerCycle: 32, cores: 2, kernels: .fma)
        #expect(m.peakFP32 == 2 * 3.14e9 * 32)
        #expect(m.basis.hasPrefix("measured: 2 cores x 3.1 GHz measured clock"))
        #expect(m.basis.contains("32 FP32 FLOP/cycle") && m.basis.contains("99.5 GFLOP/s on one core"))
        #expect(!m.basis.contains("would allow"))
        // Zen 4 runs 512-bit FMAs on 256-bit units: the AVX-512 copy measures 32, and the basis says why.
        let split = PeakMeasurement(clockHz: 3.7e9, fmaFlopsOneCore: 117e9, flopsPerCycle: 32, cores: 1, kernels: .avx512)
        #if arch(x86_64)
        #expect(split.basis.contains("its vectors would allow 64, so the FMA unit is narrower than them"))
        #endif
        let summary = Calibrator.summarize(peak: m, bandwidth: [], gemm: [])
        #expect(summary.peakFP32 == m.peakFP32 && summary.peakBasis == m.basis)
    }

    @Test func probeMeasuresAClockAndAPowerOfTwoPerCycle() {
        let variant = KernelVariant.best()
        let m = PeakProbe.run(variant: variant, cores: 2, protocol: BenchmarkProtocol(samples: 3, minimumSeconds: 0, retries: 0))
        #expect(m.clockHz > 1e8 && m.clockHz < 1e10, "clock \(m.clockHz)")
        #expect(m.flopsPerCycle > 0 && m.flopsPerCycle & (m.flopsPerCycle - 1) == 0)
        #expect(m.peakFP32 == 2 * m.clockHz * Double(m.flopsPerCycle))
        #expect(m.kernels == variant)
    }
}
