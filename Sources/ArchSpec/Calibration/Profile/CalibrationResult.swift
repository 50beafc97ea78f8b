/// A measured hardware profile of the host: what `archcalc calibrate` writes and `archcalc validate` reads.
///
/// Until the catalog's `HardwareProfile` lands on main, measured results live here; `summary` holds the
/// figures a `HardwareProfile` needs (bandwidth, FP32 throughput), each with the source that produced it.
public struct CalibrationResult: Hashable, Codable, Sendable {
    /// Schema version of this file.
    public var version: Int
    /// Kebab-case identifier of the profile (`host-amd-epyc-7763`).
    public var id: String
    /// When the run started, ISO 8601 UTC.
    public var measuredAt: String
    /// Whether `--quick` was used (fewer shapes, fewer samples, all cores only).
    public var quick: Bool
    public var host: HostInfo
    public var build: BuildInfo
    public var summary: CalibrationSummary
    /// STREAM-style bandwidth, bytes/s.
    public var bandwidth: [BandwidthPoint]
    /// GEMM efficiency curves, FLOP/s per shape and thread count, from archcalc's kernel and (optionally) BLAS.
    public var gemm: [GEMMPoint]
    /// Decode GEMV, bytes of stored weights per second.
    public var gemv: [GEMVPoint]
    /// Decode attention, bytes of fp32 KV per second.
    public var attentionDecode: [AttentionPoint]
    /// Causal prefill attention, FLOP/s.
    public var attentionPrefill: [AttentionPoint]
    /// Whole forward steps of each `--spec`, per thread count, with their fitted surfaces (model
    /// `step-surface`); every other figure of the profile belongs to the kernel-level model. Absent in
    /// profiles written without `--spec`.
    public var stepSurfaces: [StepProfile]?
    /// What the run could not measure, and why (a spec the forward pass cannot run, say).
    public var notes: [String]?
    /// The forward pass's norms, adds, rope and activations on one thread (`LayerOpsProbe`), for the
    /// kernel-level model's elementwise time; nil in profiles written before they were measured (the model then
    /// streams their bytes at the triad bandwidth).
    public var layerOps: [LayerOpPoint]? = nil
    /// Operator groups that run as plain loops (MLA's latent attention and absorbed folds, attention with sinks
    /// or ALiBi, recurrent scans), timed per layer kind of each `--spec` (`LayerKindProbe`); nil in profiles
    /// written before they were measured or without `--spec` (the model then prices them from the kernels'
    /// figures and FLOP counts, and says so).
    public var layerKinds: [LayerKindPoint]? = nil

    enum CodingKeys: String, CodingKey {
        case version, id, measuredAt = "measured_at", quick, host, build, summary, bandwidth, gemm, gemv
        case attentionDecode = "attention_decode", attentionPrefill = "attention_prefill"
        case stepSurfaces = "step_surfaces", notes, layerOps = "layer_ops", layerKinds = "layer_kinds"
    }
}

/// How the measuring binary and its kernels were built.
public struct BuildInfo: Hashable, Codable, Sendable {
    /// The kernel copy that ran.
    public var kernels: KernelVariant
    /// Its code generation, in words (`x86_64, -target-cpu haswell (AVX2+FMA), fused multiply-add`).
    public var codegen: String
    /// False for a debug build: its figures measure the compiler, not the machine.
    public var optimized: Bool
    /// The dlopen'd BLAS and symbol, when one was found.
    public var blas: String?
    /// How the int8 GEMV multiplied (`Int8Path`); nil in profiles written before it was recorded.
    public var int8: Int8Path? = nil
    /// Rows each GEMV thread read at once when `ARCHCALC_GEMV_STREAMS` set it (1 or 4); nil: each kernel's own.
    public var gemvStreams: Int? = nil

    enum CodingKeys: String, CodingKey { case kernels, codegen, optimized, blas, int8, gemvStreams = "gemv_streams" }
}

/// Headline figures with their source, for the sizing model and for people.
public struct CalibrationSummary: Hashable, Codable, Sendable {
    /// FP32 peak, FLOP/s: cores x measured clock x FLOP/cycle of the widest FMA unit the kernels use
    /// (`PeakProbe`); nil in profiles written before it was measured.
    public var peakFP32: Double?
    /// How `peakFP32` was obtained.
    public var peakBasis: String?
    /// The clock and FMA measurements behind `peakFP32`.
    public var peak: PeakMeasurement?
    /// Highest sustained streaming bandwidth over kernels and thread counts, bytes/s.
    public var memoryBandwidth: Double
    /// Best single sample of that kernel, bytes/s.
    public var memoryBandwidthBest: Double
    /// Which kernel and thread count gave `memoryBandwidth`.
    public var memoryBandwidthSource: String
    /// Highest sustained FP32 GEMM throughput, FLOP/s.
    public var fp32Flops: Double
    public var fp32FlopsBest: Double
    /// Which implementation, shape and thread count gave `fp32Flops`.
    public var fp32FlopsSource: String
    /// The same from archcalc's own kernel only (equal to `fp32Flops` when no BLAS was measured).
    public var fp32FlopsArchcalc: Double

    enum CodingKeys: String, CodingKey {
        case peakFP32 = "peak_fp32_flops", peakBasis = "peak_basis", peak = "peak_measurement"
        case memoryBandwidth = "memory_bandwidth", memoryBandwidthBest = "memory_bandwidth_best"
        case memoryBandwidthSource = "memory_bandwidth_source", fp32Flops = "fp32_flops", fp32FlopsBest = "fp32_flops_best"
        case fp32FlopsSource = "fp32_flops_source", fp32FlopsArchcalc = "fp32_flops_archcalc"
    }
}
