/// The host's FP32 peak from its measured clock and the widest vector unit the kernels use.
///
/// A hypervisor's `cpu MHz` is the TSC rate, not the live clock (2.45 GHz against about 3.1 GHz on the
/// project's host), so the clock is timed: a chain of dependent one-cycle integer operations. The FMA
/// throughput of the selected kernel copy (independent chains on its widest vectors) divided by that clock,
/// rounded to a power of two and capped at what the copy's widest vectors allow, gives FP32 FLOP/cycle per core
/// (32 for two 256-bit FMA pipes, 64 for two full-width 512-bit ones). Both come from their fastest of many
/// short samples: time-sharing only makes samples slower, so the fastest ones ran unpreempted.
public struct PeakMeasurement: Hashable, Codable, Sendable {
    /// Live core clock, Hz (fastest sample of the dependent chain).
    public var clockHz: Double
    /// Measured FMA throughput of one core, FLOP/s (fastest sample).
    public var fmaFlopsOneCore: Double
    /// FP32 FLOP per cycle per core: `fmaFlopsOneCore / clockHz` rounded to a power of two.
    public var flopsPerCycle: Int
    /// Cores counted in the peak.
    public var cores: Int
    /// The kernel copy whose vectors were measured.
    public var kernels: KernelVariant

    enum CodingKeys: String, CodingKey {
        case clockHz = "clock_hz", fmaFlopsOneCore = "fma_flops_one_core", flopsPerCycle = "flops_per_cycle"
        case cores, kernels
    }

    /// cores x measured clock x FLOP/cycle, FLOP/s.
    public var peakFP32: Double { Double(cores) * clockHz * Double(flopsPerCycle) }

    /// How `peakFP32` was obtained, in words.
    public var basis: String {
        "measured: \(cores) cores x \(Self.gigahertz(clockHz)) GHz measured clock (dependent-add chain) x "
            + "\(flopsPerCycle) FP32 FLOP/cycle (FMA probe on the \(kernels.rawValue) kernels: "
            + "\(Self.gigahertz(fmaFlopsOneCore)) GFLOP/s on one core"
            + (flopsPerCycle < kernels.maximumFlopsPerCycle
                ? "; its vectors would allow \(kernels.maximumFlopsPerCycle), so the FMA unit is narrower than them)"
                : ")")
    }

    static func gigahertz(_ value: Double) -> String {
        let tenths = (value / 1e8).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10)"
    }

    /// The nearest power of two to `ratio` (at least 1).
    static func powerOfTwo(_ ratio: Double) -> Int {
        guard ratio.isFinite, ratio > 1 else { return 1 }
        return 1 << Int(ratio.log2Rounded)
    }
}

extension Double {
    /// log2 of the value, rounded to the nearest integer (values > 0).
    var log2Rounded: Double {
        var x = self, e = 0.0
        while x >= 2 { x /= 2; e += 1 }
        return x >= 1.414_213_562_373_095 ? e + 1 : e
    }
}

extension KernelVariant {
    /// The most FP32 FLOP/cycle one core can do with this copy's widest vectors: two FMA pipes x lanes x 2
    /// (64 with 512-bit registers, 32 with 256-bit AVX2; 16 for the x86 baseline, whose 128-bit multiply and add
    /// are separate; 32 on arm64, four 128-bit FMA pipes). It caps the measured ratio when preemption slowed
    /// the clock samples more than the FMA ones.
    public var maximumFlopsPerCycle: Int {
        #if arch(x86_64)
        switch self {
        case .avx512: 64
        case .fma: 32
        case .portable: 16
        }
        #else
        32
        #endif
    }
}

public enum PeakProbe {
    /// Steps per timed call: about 0.5 ms of work at 3 GHz, short enough that many samples run without
    /// being preempted on a busy host (the fastest sample is kept).
    static let chainSteps = 50_000, fmaSteps = 100_000

    public static func run(variant: KernelVariant, cores: Int, protocol proto: BenchmarkProtocol,
                           progress: (String) -> Void = { _ in }) -> PeakMeasurement {
        let backend = KernelBackend(variant: variant, threads: 1)
        progress("peak: clock and FMA throughput")
        var seed: UInt64 = 1
        let clock = measure(work: Double(32 * chainSteps), protocol: proto) {
            seed = backend.dependentChain(count: chainSteps, seed: seed)
            return seed
        }
        let flops = Double(backend.fmaFlopsPerStep * fmaSteps)
        let fma = measure(work: flops, protocol: proto) { backend.fmaThroughput(count: fmaSteps) }
        let hz = clock.bestRate, perCore = fma.bestRate
        let perCycle = min(PeakMeasurement.powerOfTwo(perCore / max(1, hz)), variant.maximumFlopsPerCycle)
        return PeakMeasurement(clockHz: hz, fmaFlopsOneCore: perCore, flopsPerCycle: perCycle,
                               cores: max(1, cores), kernels: variant)
    }
}
