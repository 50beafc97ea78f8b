#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the int8 GEMV multiplies: integer dot products where the CPU has them, else widening to fp32.
public enum Int8Path: String, Hashable, Codable, Sendable, CaseIterable {
    /// x quantised to int16 per group, `vpmovsxbw` + `vpdpwssd` on 512-bit registers (AVX-512 VNNI).
    case vnni512 = "avx512-vnni"
    /// x quantised to int16 per group, `vpmovsxbw` + `vpmaddwd` + `vpaddd` on 256-bit registers (AVX2).
    case avx2 = "avx2-madd"
    /// Each weight widened to fp32 (`vpmovsxbd`, `vcvtdq2ps`) and multiplied by fp32 x: exact, the only
    /// path of the baseline copy and of non-x86 builds.
    case widening = "fp32-widening"

    /// The paths a `variant` can take on a CPU with `features`, fastest first.
    public static func available(variant: KernelVariant, features: CPUFeatures) -> [Int8Path] {
        #if arch(x86_64)
        switch variant {
        case .avx512 where features.avx512vnni: [.vnni512, .avx2, .widening]
        case .avx512, .fma: features.avx2 ? [.avx2, .widening] : [.widening]
        case .portable: [.widening]
        }
        #else
        [.widening]
        #endif
    }

    /// The fastest path; `ARCHCALC_INT8=widening` (or `avx2`) caps it, to compare.
    public static func best(variant: KernelVariant, features: CPUFeatures = .detect(),
                            override: String? = getenv("ARCHCALC_INT8").map { String(cString: $0) }) -> Int8Path {
        let paths = available(variant: variant, features: features)
        let rank = { (path: Int8Path) in Int8Path.allCases.firstIndex(of: path) ?? 0 }
        let cap = override.flatMap { name in Int8Path.allCases.first { $0.rawValue == name || "\($0)" == name } }.map(rank) ?? 0
        return paths.first { rank($0) >= cap } ?? .widening
    }
}
