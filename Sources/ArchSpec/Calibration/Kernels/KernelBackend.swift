#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KernelsFMA
import KernelsPortable

/// Which compiled copy of the calibration kernels runs.
public enum KernelVariant: String, Hashable, Codable, Sendable, CaseIterable {
    /// Built with AVX2+FMA code generation (x86_64) or the arm64 baseline with fused multiply-add.
    case fma
    /// Built for the architecture's baseline (x86_64: SSE2, no fused multiply-add).
    case portable

    /// The value of `ARCHCALC_KERNELS`, if set.
    public static var environmentOverride: String? { getenv("ARCHCALC_KERNELS").map { String(cString: $0) } }

    /// How this variant was compiled, in words.
    public var codegen: String {
        switch self {
        case .fma: KernelsFMA.Kernels.codegen
        case .portable: KernelsPortable.Kernels.codegen
        }
    }

    /// The fastest variant this CPU can run: `fma` when the CPU reports AVX2 and FMA (x86_64) or on arm64.
    ///
    /// The environment variable `ARCHCALC_KERNELS=portable` forces the baseline copy.
    public static func best(features: CPUFeatures = .detect(), override: String? = environmentOverride) -> KernelVariant {
        if override == "portable" { return .portable }
        #if arch(x86_64)
        return features.avx2 && features.fma ? .fma : .portable
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
    let fmaWorkspace: KernelsFMA.GEMMWorkspace?
    let portableWorkspace: KernelsPortable.GEMMWorkspace?

    public init(variant: KernelVariant, threads: Int) {
        self.variant = variant
        self.threads = max(1, threads)
        fmaWorkspace = variant == .fma ? KernelsFMA.GEMMWorkspace(threads: self.threads) : nil
        portableWorkspace = variant == .portable ? KernelsPortable.GEMMWorkspace(threads: self.threads) : nil
    }
}
