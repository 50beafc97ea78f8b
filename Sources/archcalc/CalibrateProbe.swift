import ArchSpec
import ArgumentParser

extension Archcalc.Calibrate {
    /// `--probe KIND:ARGS`, for scripts/bench-kernels.sh: one measurement, one line
    /// `probe threads sustained best spread` (FLOP/s or bytes/s).
    ///
    /// Kinds: `gemm:M,N,K`, `triad:BYTES`, `copy:BYTES`, `read:BYTES`, `gemv-fp32:N,K`, `gemv-bf16:N,K`,
    /// `gemv-int8:N,K`, `decode:HEADS,KV_HEADS,HEAD_DIM,CONTEXT`, `peak` (FP32 FLOP/s: threads x measured
    /// clock x FLOP/cycle). `gemv-fp32` rotates over copies beyond 4x the last-level cache; `gemv-int8` adds
    /// `int8=PATH` (`Int8Path`: integer dot products or fp32 widening; `ARCHCALC_INT8` caps it).
    func runProbe(_ probe: String, threads: Int) throws {
        let parts = probe.split(separator: ":", maxSplits: 1)
        let kind = parts.first.map(String.init) ?? ""
        let args = parts.count > 1 ? parts[1].split(separator: ",").compactMap { Int($0) } : []
        let variant = KernelVariant.best()
        let proto = BenchmarkProtocol(samples: 7, minimumSeconds: 0.3, retries: 3)
        let rate: Rate
        switch (kind, args.count) {
        case ("gemm", 3):
            guard let point = GEMMProbe.run(shapes: [GEMMShape(m: args[0], n: args[1], k: args[2])], threads: [threads],
                                            variant: variant, protocol: proto).first else { throw CommandFailure.error("the probe measured nothing") }
            rate = point.rate
        case ("triad", 1), ("copy", 1), ("read", 1):
            let points = BandwidthProbe.run(arrayBytes: args[0], threads: [threads], variant: variant, protocol: proto)
            guard let point = points.first(where: { $0.kernel.rawValue == kind }) else { throw CommandFailure.error("the probe measured nothing") }
            rate = point.rate
        case ("gemv-fp32", 2):
            // Rotates over copies beyond 4x the last-level cache, so small shapes stream from memory.
            guard let point = GEMVProbe.runShapes([(args[0], args[1])], minimumBytes: 4 * HostInfo.detect().lastLevelCache,
                                                  threads: [threads], variant: variant, protocol: proto).first
            else { throw CommandFailure.error("the probe measured nothing") }
            rate = point.rate
        case ("peak", 0):
            let peak = PeakProbe.run(variant: variant, cores: threads, protocol: proto)
            return Output.write("peak \(threads) \(peak.peakFP32) clock_hz=\(peak.clockHz) flops_per_cycle=\(peak.flopsPerCycle)"
                                + " \(variant.rawValue)\n")
        case ("gemv-bf16", 2), ("gemv-int8", 2):
            guard let format = WeightFormat(rawValue: String(kind.dropFirst(5))),
                  let point = GEMVProbe.run(k: args[1], minimumBytes: format.bytes(n: args[0], k: args[1]),
                                            formats: [format], threads: [threads], variant: variant,
                                            protocol: proto).first else { throw CommandFailure.error("the probe measured nothing") }
            rate = point.rate
        case ("decode", 4):
            let heads = AttentionHeads(heads: args[0], kvHeads: args[1], headDim: args[2])
            guard let point = AttentionProbe.decode(heads: heads, contexts: [args[3]], threads: [threads],
                                                    variant: variant, protocol: proto).first else { throw CommandFailure.error("the probe measured nothing") }
            rate = point.rate
        default:
            throw ValidationError("unknown probe '\(Escaping.short(probe))'")
        }
        let int8 = kind == "gemv-int8" ? " int8=\(Int8Path.best(variant: variant).rawValue)" : ""
        Output.write("\(probe) \(threads) \(rate.sustained) \(rate.best) \(rate.spread) \(variant.rawValue)"
                     + " other_cores=\(rate.otherCores) steal=\(rate.steal)\(int8)\n")
    }
}
