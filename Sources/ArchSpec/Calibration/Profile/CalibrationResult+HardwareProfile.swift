extension CalibrationResult {
    /// The catalog's `HardwareProfile` for this host, every figure marked `measured:` or `derived:`.
    ///
    /// Peak FP32 is the larger of the measured-clock peak and the best measured GEMM, so the efficiency curves
    /// stay within 0...1. The matmul curve is the
    /// archcalc GEMM at K = N = 4096 against arithmetic intensity; the memory curve is the STREAM read probe.
    public func hardwareProfile() -> HardwareProfile {
        let when = "archcalc calibrate at \(measuredAt)"
        let threads = gemm.map(\.threads).max() ?? 1
        let bestFlops = gemm.filter { $0.threads == threads }.map(\.rate.best).max() ?? 0
        let peak = max(summary.peakFP32 ?? 0, bestFlops)
        let peakSource = (summary.peakFP32 ?? 0) >= bestFlops
            ? "\(summary.peakBasis ?? "measured peak"), \(when)" : "measured: best GEMM sample, \(when)"
        let matmul = gemm.filter { $0.source == .archcalc && $0.threads == threads && $0.shape.n == 4096 && $0.shape.k == 4096 }
            .sorted { $0.shape.m < $1.shape.m }
            .map { p -> CurvePoint in
                let s = p.shape
                let bytes = 4 * (Double(s.m) * Double(s.k) + Double(s.n) * Double(s.k) + Double(s.m) * Double(s.n))
                return CurvePoint(x: s.flops / bytes, y: peak > 0 ? min(1, p.rate.sustained / peak) : 0)
            }
        let bandwidthPeak = max(summary.memoryBandwidth, summary.memoryBandwidthBest)
        let memory = bandwidth.filter { $0.kernel == .read && $0.threads == threads }.map {
            CurvePoint(x: Double($0.arrayBytes), y: bandwidthPeak > 0 ? min(1, $0.rate.sustained / bandwidthPeak) : 0)
        }
        var curves: [EfficiencyCurve] = []
        if !matmul.isEmpty { curves.append(EfficiencyCurve(operator: .matmul, points: matmul, source: "measured: fp32 GEMM, \(when)")) }
        if !memory.isEmpty { curves.append(EfficiencyCurve(operator: .memory, points: memory, source: "measured: STREAM read, \(when)")) }
        return HardwareProfile(
            id: id, name: "\(host.cpuModel) (\(host.logicalCPUs) CPUs, measured)",
            vendor: String(host.cpuModel.split(separator: " ").first ?? "unknown"),
            memory: Sourced(Double(host.memoryBytes ?? 0), source: "measured: /proc/meminfo MemTotal"),
            memoryBandwidth: Sourced(bandwidthPeak, source: "measured: best of \(summary.memoryBandwidthSource), \(when)"),
            peakFlops: PeakFlops(fp32: Sourced(peak, source: peakSource)),
            interconnect: Interconnect(kind: "shared memory (one host)", bandwidth: Sourced(
                max(1, summary.memoryBandwidth), source: "derived: one host, no link; its sustained memory bandwidth stands in")),
            devicesPerNode: 1, efficiency: Efficiency(curves: curves),
            notes: "kernels: \(build.codegen); \(quick ? "quick" : "full") calibration")
    }
}
