#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KernelsAVX512
import KernelsFMA
import KernelsPortable

/// Which compiled copy of the calibration kernels runs.
///
/// `allCases` lists only the copies this CPU can execute (the AVX-512 copy would stop a CPU without AVX-512 on
/// an illegal instruction), so code and tests that iterate the variants stay safe on every host; `compiled`
/// lists all of them.
public enum KernelVariant: String, Hashable, Codable, Sendable, CaseIterable {
    /// Built with AVX-512 code generation (F/CD/BW/DQ/VL) and 6x64 GEMM tiles (x86_64 only).
    case avx512
    /// Built with AVX2+FMA code generation (x86_64) or the arm64 baseline with fused multiply-add.
    case fma
    /// Built for the architecture's baseline (x86_64: SSE2, no fused multiply-add).
    case portable

    /// Every compiled copy, runnable here or not.
    public static let compiled: [KernelVariant] = [.avx512, .fma, .portable]

    /// The copies this CPU can run, fastest first.
    public static var allCases: [KernelVariant] { runnable(features: .detect()) }

    /// The copies a CPU with `features` can run, fastest first.
    public static func runnable(features: CPUFeatures) -> [KernelVariant] {
        compiled.filter { $0.runs(on: features) }
    }

    /// Whether a CPU with `features` can execute this copy.
    public func runs(on features: CPUFeatures) -> Bool {
        #if arch(x86_64)
        switch self {
        case .avx512: features.avx512 && features.avx2 && features.fma
        case .fma: features.avx2 && features.fma
        case .portable: true
        }
        #else
        self != .avx512
        #endif
    }

    /// The value of `ARCHCALC_KERNELS`, if set.
    public static var environmentOverride: String? { getenv("ARCHCALC_KERNELS").map { String(cString: $0) } }

    /// How this variant was compiled, in words.
    public var codegen: String {
        switch self {
        case .avx512: KernelsAVX512.Kernels.codegen
        case .fma: KernelsFMA.Kernels.codegen
        case .portable: KernelsPortable.Kernels.codegen
        }
    }

    /// The fastest variant this CPU can run: `avx512` when the CPU reports AVX-512 F/CD/BW/DQ/VL (and AVX2+FMA),
    /// `fma` when it reports AVX2 and FMA (x86_64) or on arm64, else `portable`.
    ///
    /// The environment variable `ARCHCALC_KERNELS` (`portable` or `fma`) caps the choice at that copy.
    public static func best(features: CPUFeatures = .detect(), override: String? = environmentOverride) -> KernelVariant {
        if override == "portable" { return .portable }
        #if arch(x86_64)
        guard features.avx2 && features.fma else { return .portable }
        return features.avx512 && override != "fma" ? .avx512 : .fma
        #elseif arch(arm64)
        return .fma
        #else
        return .portable
        #endif
    }
}

/// One kernel variant with its GEMM packing buffers and thread count: the object every benchmark and the
/// forward pass call through.
///
/// Not safe to call from several threads at once (the packing buffers are shared); each call may itself
/// use `threads` worker threads.
public final class KernelBackend: @unchecked Sendable {
    public let variant: KernelVariant
    /// Worker threads per call.
    public let threads: Int
    /// How `gemvInt8` multiplies.
    public let int8Path: Int8Path
    /// Rows of a weight each GEMV thread reads at once (1 or 4) when asked (the initialiser, else
    /// `ARCHCALC_GEMV_STREAMS`); nil lets each kernel read its own default (`Kernels.gemvStreams`: 4 for fp32 and
    /// bf16, `Kernels.int8DotStreams`: 1 for the int8 integer paths).
    public let gemvStreams: Int?
    let avx512Workspace: KernelsAVX512.GEMMWorkspace?
    let fmaWorkspace: KernelsFMA.GEMMWorkspace?
    let portableWorkspace: KernelsPortable.GEMMWorkspace?

    /// - Parameters:
    ///   - int8Path: How `gemvInt8` multiplies; nil picks `Int8Path.best` (a path this CPU cannot run falls back
    ///     to the best one it can).
    ///   - gemvStreams: 1 or 4 rows read at once by the GEMVs; nil reads `ARCHCALC_GEMV_STREAMS`, then each
    ///     kernel's own default.
    public init(variant: KernelVariant, threads: Int, int8Path: Int8Path? = nil, gemvStreams: Int? = nil) {
        self.variant = variant
        self.threads = max(1, threads)
        self.gemvStreams = Self.gemvStreams(asked: gemvStreams)
        let features = CPUFeatures.detect(), paths = Int8Path.available(variant: variant, features: features)
        self.int8Path = int8Path.flatMap { paths.contains($0) ? $0 : nil } ?? Int8Path.best(variant: variant, features: features)
        avx512Workspace = variant == .avx512 ? KernelsAVX512.GEMMWorkspace(threads: self.threads) : nil
        fmaWorkspace = variant == .fma ? KernelsFMA.GEMMWorkspace(threads: self.threads) : nil
        portableWorkspace = variant == .portable ? KernelsPortable.GEMMWorkspace(threads: self.threads) : nil
    }
}

extension KernelBackend {
    /// `asked` when it is 1 or 4, else `ARCHCALC_GEMV_STREAMS` when that is 1 or 4, else nil (each kernel's own).
    public static func gemvStreams(asked: Int? = nil) -> Int? {
        let valid = { (value: Int?) in value.flatMap { $0 == 1 || $0 == 4 ? $0 : nil } }
        return valid(asked) ?? valid(getenv("ARCHCALC_GEMV_STREAMS").flatMap { Int(String(cString: $0)) })
    }
}
