import Testing
@testable import ArchSpec

@Suite struct CalibrationHarnessTests {
    @Test func interferenceSubtractsOwnTimeAndCountsSteal() {
        // cpu line: user nice system idle iowait irq softirq steal, in ticks of 1/100 s.
        let before = SystemLoadSample.parse(stat: "cpu  100 0 50 1000 0 0 0 10 0 0\ncpu0 1 2 3", own: 1.0)
        let after = SystemLoadSample.parse(stat: "cpu  250 0 100 1150 0 0 0 14 0 0\n", own: 2.5)
        // busy grew 2.0 s, of which 1.5 s was ours: 0.5 s of others over a 1 s window = 0.5 cores.
        let seen = Interference(from: before, to: after, wall: 1.0)
        #expect(abs(seen.otherCores - 0.5) < 1e-9)
        // steal grew 4 ticks of 354 total ticks.
        #expect(abs(seen.stealFraction - 4.0 / 354.0) < 1e-9)
        #expect(seen.isContaminated)
        #expect(!Interference(otherCores: 0.01, stealFraction: 0.01).isContaminated)
    }

    @Test func missingProcStatMeansNoInterferenceDetected() {
        let none = SystemLoadSample.parse(stat: "", own: 1)
        #expect(!none.available)
        #expect(!Interference(from: none, to: none, wall: 1).isContaminated)
    }

    @Test func timingReportsMedianBestAndSpread() {
        let t = Timing(seconds: [0.4, 0.1, 0.2, 0.3, 0.2], work: 2, interference: Interference(otherCores: 0, stealFraction: 0))
        #expect(t.median == 0.2)
        #expect(t.sustainedRate == 10)
        #expect(t.bestRate == 20)
        #expect(abs(t.spread - 1.5) < 1e-12)
        #expect(Timing.median([1, 2, 3, 4]) == 2.5)
    }

    @Test func measureKeepsEverySampleAfterAWarmUp() {
        var calls = 0
        let timing = measure(work: 1, protocol: BenchmarkProtocol(samples: 4, minimumSeconds: 0, retries: 0)) {
            calls += 1
            return calls
        }
        #expect(timing.seconds.count == 4)
        #expect(calls == 5)
    }

    @Test func cpuFlagsAreParsedFromCpuinfo() {
        let text = "processor\t: 0\nflags\t\t: fpu sse2 avx avx2 fma bmi2\nmodel name\t: X\n"
        #expect(CPUFeatures.parse(cpuinfo: text) == CPUFeatures(avx2: true, fma: true))
        #expect(CPUFeatures.parse(cpuinfo: "flags : sse2 avx") == CPUFeatures(avx2: false, fma: false))
        #if arch(x86_64)
        #expect(KernelVariant.best(features: CPUFeatures(avx2: true, fma: false), override: nil) == .portable)
        #expect(KernelVariant.best(features: CPUFeatures(avx2: true, fma: true), override: nil) == .fma)
        #endif
        #expect(KernelVariant.best(features: CPUFeatures(avx2: true, fma: true), override: "portable") == .portable)
    }

    @Test func cacheSizesParse() {
        #expect(HostInfo.parseSize("32K") == 32768)
        #expect(HostInfo.parseSize("32768K") == 32 << 20)
        #expect(HostInfo.parseSize("1M") == 1 << 20)
    }

    @Test func interpolationIsLinearInLogSize() {
        let points: [(size: Double, rate: Double)] = [(1, 10), (4, 30), (16, 50)]
        #expect(Interpolation.rate(at: 2, points: points) == 20)  // halfway between 1 and 4 in log2
        #expect(Interpolation.rate(at: 8, points: points) == 40)
        #expect(Interpolation.rate(at: 64, points: points) == 50)  // flat beyond the largest
        #expect(Interpolation.rate(at: 0.5, points: points) == 5)  // fixed time below the smallest
        #expect(abs(Interpolation.log2(10) - 3.321_928_094_887_362) < 1e-12)
        #expect(Interpolation.rate(at: 3, points: []) == nil)
    }
}
