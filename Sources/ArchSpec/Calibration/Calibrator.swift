/// What one calibration run measures; `plan(quick:...)` sizes it for the host.
public struct CalibrationPlan: Hashable, Sendable {
    public var quick: Bool
    /// Thread counts to measure (quick: all cores only; full: 1...cores).
    public var threads: [Int]
    public var protocolSettings: BenchmarkProtocol
    /// Bytes per STREAM array and minimum GEMV matrix size (4x the last-level cache).
    public var streamBytes: Int
    public var gemmShapes: [GEMMShape]
    /// Spec weight shapes (N, K) measured with the rotating fp32 GEMV probe.
    public var gemvShapes: [GEMVShape]
    /// Reduction length of the GEMV probe matrices.
    public var gemvK: Int
    public var formats: [WeightFormat]
    public var attention: [AttentionHeads]
    public var decodeContexts: [Int]
    public var prefillLengths: [Int]
    /// Path of a BLAS library to compare against (nil: try the system names).
    public var blasPath: String?
    public var measureBLAS: Bool
    /// Specs whose whole prefill and decode steps are timed on a grid (`StepPlan`), per thread count.
    public var stepSpecs: [ArchitectureSpec] = []
    /// Specs whose plain-loop operator groups are timed per layer kind (`LayerKindProbe`).
    public var layerKindSpecs: [ArchitectureSpec] = []

    /// The default plan: M = 1...512 against 4096x4096 and 14336x4096 weights (quick: 4096x4096 only), plus
    /// `extraShapes` and `extraAttention` (a spec's own shapes).
    public static func make(
        quick: Bool, maxThreads: Int, host: HostInfo, extraShapes: [GEMMShape] = [], gemvShapes: [GEMVShape] = [],
        extraAttention: [AttentionHeads] = [], blasPath: String? = nil, measureBLAS: Bool = true, specOnly: Bool = false
    ) -> CalibrationPlan {
        let threads = quick ? [maxThreads] : Array(1...max(1, maxThreads))
        let rows = quick ? [1, 2, 8, 32, 128, 512] : (0...9).map { 1 << $0 }
        // Quick keeps one weight shape: the 14336 x 4096 sweep was most of its time (0.4 s per M = 512 call).
        let weights: [(n: Int, k: Int)] = specOnly ? [] : quick ? [(4096, 4096)] : [(4096, 4096), (14336, 4096)]
        let attention = (specOnly ? [] : [AttentionHeads(heads: 32, kvHeads: 8, headDim: 128)]) + extraAttention
        return CalibrationPlan(
            quick: quick, threads: threads, protocolSettings: quick ? Self.quickProtocol : .full,
            streamBytes: max(4 * host.lastLevelCache, 64 << 20),
            gemmShapes: Array(Set(GEMMShape.sweep(weights: weights, rows: rows) + extraShapes)).sorted(),
            gemvShapes: Array(Set(gemvShapes)).sorted { ($0.k, $0.n) < ($1.k, $1.n) },
            gemvK: 4096, formats: specOnly ? [] : WeightFormat.allCases, attention: Array(Set(attention)).sorted { $0.headDim < $1.headDim },
            decodeContexts: quick ? [256, 4096] : [128, 512, 2048, 8192],
            prefillLengths: quick ? [128, 512] : [64, 128, 256, 512, 1024],
            blasPath: blasPath, measureBLAS: measureBLAS)
    }

    /// `--quick`'s protocol: 3 samples and 0.03 s per window like `BenchmarkProtocol.quick`, but a disturbed
    /// window is kept (with its interference recorded) rather than repeated: on a busy host every window is
    /// disturbed, and repeating them doubled the run without making it cleaner.
    public static let quickProtocol = BenchmarkProtocol(samples: 3, minimumSeconds: 0.03, retries: 0)

    /// Rough count of progress steps, for a progress bar.
    public var steps: Int {
        1 + LayerOp.allCases.count + threads.count * (3 + gemmShapes.count * (measureBLAS ? 2 : 1) + formats.count + gemvShapes.count
                             + attention.count * (decodeContexts.count + prefillLengths.count)
                             + stepSpecs.map { StepPlan.make(spec: $0, quick: quick).rounds }.reduce(0, +)
                             + layerKindSpecs.map(LayerKindProbe.steps).reduce(0, +))
    }
}

/// Runs a calibration plan and assembles the profile.
public enum Calibrator {
    /// - Parameter progress: Called before each measurement with a short label.
    public static func run(
        _ plan: CalibrationPlan, host: HostInfo = .detect(), variant: KernelVariant = .best(),
        progress: (String) -> Void = { _ in }
    ) -> CalibrationResult {
        let started = utcTimestamp()
        let p = plan.protocolSettings
        let peak = PeakProbe.run(variant: variant, cores: host.logicalCPUs, protocol: p, progress: progress)
        let bandwidth = BandwidthProbe.run(arrayBytes: plan.streamBytes, threads: plan.threads, variant: variant,
                                           protocol: p, progress: progress)
        var gemm = GEMMProbe.run(shapes: plan.gemmShapes, threads: plan.threads, variant: variant, protocol: p,
                                 progress: progress)
        let blas = plan.measureBLAS ? SystemBLAS.load(path: plan.blasPath) : nil
        if let blas {
            gemm += GEMMProbe.runBLAS(blas, shapes: plan.gemmShapes, threads: plan.threads, protocol: p, progress: progress)
        }
        let gemv = GEMVProbe.run(k: plan.gemvK, minimumBytes: plan.streamBytes, formats: plan.formats,
                                 threads: plan.threads, variant: variant, protocol: p, progress: progress)
            + GEMVProbe.runShapes(plan.gemvShapes.map { ($0.n, $0.k) }, minimumBytes: plan.streamBytes,
                                  threads: plan.threads, variant: variant, protocol: p, progress: progress)
        var decode: [AttentionPoint] = [], prefill: [AttentionPoint] = []
        for heads in plan.attention {
            decode += AttentionProbe.decode(heads: heads, contexts: plan.decodeContexts, threads: plan.threads,
                                            variant: variant, protocol: p, progress: progress)
            prefill += AttentionProbe.prefill(heads: heads, lengths: plan.prefillLengths, threads: plan.threads,
                                              variant: variant, protocol: p, progress: progress)
        }
        let evictBytes = min(plan.streamBytes, 2 * host.lastLevelCache)
        let layerOps = LayerOpsProbe.run(variant: variant, protocol: p, evictBytes: evictBytes, progress: progress)
        var steps: [StepProfile] = [], notes: [String] = [], layerKinds: [LayerKindPoint] = []
        for spec in plan.layerKindSpecs {
            let timed = LayerKindProbe.run(spec: spec, threads: plan.threads, variant: variant, protocol: p,
                                           evictBytes: evictBytes, progress: progress)
            layerKinds += timed.points.filter { point in !layerKinds.contains { $0.layer == point.layer && $0.group == point.group } }
            notes += timed.notes
        }
        for threads in plan.threads {
            for spec in plan.stepSpecs {
                do {
                    steps.append(try StepSampler.run(spec: spec, plan: .make(spec: spec, quick: plan.quick), threads: threads,
                                                     variant: variant, progress: progress))
                } catch {
                    notes.append("\(error)")
                    // The rounds `steps` counted for this spec, so a progress bar still ends full.
                    for _ in 0..<StepPlan.make(spec: spec, quick: plan.quick).rounds { progress("steps \(spec.name) skipped") }
                }
            }
        }
        let build = BuildInfo(kernels: variant, codegen: variant.codegen, optimized: !isDebugBuild,
                              blas: blas?.description, int8: Int8Path.best(variant: variant),
                              gemvStreams: KernelBackend.gemvStreams())
        return CalibrationResult(
            version: 1, id: profileID(host), measuredAt: started, quick: plan.quick, host: host, build: build,
            summary: summarize(peak: peak, bandwidth: bandwidth, gemm: gemm),
            bandwidth: bandwidth, gemm: gemm, gemv: gemv, attentionDecode: decode, attentionPrefill: prefill,
            stepSurfaces: plan.stepSpecs.isEmpty ? nil : steps, notes: notes.isEmpty ? nil : Array(Set(notes)).sorted(),
            layerOps: layerOps, layerKinds: layerKinds.isEmpty ? nil : layerKinds)
    }

    static func profileID(_ host: HostInfo) -> String {
        let words = host.cpuModel.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }
        return "host-" + String(words).split(separator: " ").prefix(5).joined(separator: "-")
    }

    static func summarize(peak: PeakMeasurement?, bandwidth: [BandwidthPoint], gemm: [GEMMPoint]) -> CalibrationSummary {
        let bw = bandwidth.max { $0.rate.sustained < $1.rate.sustained }
        let top = gemm.max { $0.rate.sustained < $1.rate.sustained }
        let own = gemm.filter { $0.source == .archcalc }.map(\.rate.sustained).max() ?? 0
        return CalibrationSummary(
            peakFP32: peak?.peakFP32, peakBasis: peak?.basis, peak: peak,
            memoryBandwidth: bw?.rate.sustained ?? 0, memoryBandwidthBest: bw?.rate.best ?? 0,
            memoryBandwidthSource: bw.map { "archcalc \($0.kernel.rawValue), \($0.threads) threads" } ?? "none",
            fp32Flops: top?.rate.sustained ?? 0, fp32FlopsBest: top?.rate.best ?? 0,
            fp32FlopsSource: top.map { "\($0.source.rawValue) sgemm m=\($0.shape.m) n=\($0.shape.n) k=\($0.shape.k), \($0.threads) threads" } ?? "none",
            fp32FlopsArchcalc: own)
    }
}

