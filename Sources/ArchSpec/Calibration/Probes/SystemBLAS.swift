#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An optional BLAS `sgemm` loaded at run time with `dlopen` (no build-time dependency).
///
/// Tries LP64 (`cblas_sgemm`, `scipy_cblas_sgemm`) and ILP64 (`cblas_sgemm64_`, `scipy_cblas_sgemm64_`, numpy's
/// bundled OpenBLAS) symbol variants in the given library or the usual system names.
public final class SystemBLAS: @unchecked Sendable {
    typealias GEMM32 = @convention(c) (
        Int32, Int32, Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>, Int32, UnsafePointer<Float>, Int32,
        Float, UnsafeMutablePointer<Float>, Int32
    ) -> Void
    typealias GEMM64 = @convention(c) (
        Int32, Int32, Int32, Int64, Int64, Int64, Float, UnsafePointer<Float>, Int64, UnsafePointer<Float>, Int64,
        Float, UnsafeMutablePointer<Float>, Int64
    ) -> Void
    typealias SetThreads32 = @convention(c) (Int32) -> Void
    typealias SetThreads64 = @convention(c) (Int64) -> Void

    /// The library path and symbol that were loaded, e.g. `libopenblas.so.0: cblas_sgemm`.
    public let description: String
    let gemm32: GEMM32?
    let gemm64: GEMM64?
    let setThreads32: SetThreads32?
    let setThreads64: SetThreads64?

    /// Library names tried when no path is given.
    public static let systemNames = ["libopenblas.so.0", "libopenblas.so", "libcblas.so.3", "libblas.so.3",
                                     "libopenblas.dylib", "/System/Library/Frameworks/Accelerate.framework/Accelerate"]

    /// Loads the first library that exports a usable sgemm, or returns nil.
    public static func load(path: String? = nil) -> SystemBLAS? {
        for name in path.map({ [$0] }) ?? systemNames {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
            for prefix in ["", "scipy_"] {
                for suffix in ["64_", ""] {
                    guard let sym = dlsym(handle, "\(prefix)cblas_sgemm\(suffix)") else { continue }
                    let threads = dlsym(handle, "\(prefix)openblas_set_num_threads\(suffix)")
                    let label = "\(name): \(prefix)cblas_sgemm\(suffix)"
                    return suffix.isEmpty
                        ? SystemBLAS(label, gemm32: unsafeBitCast(sym, to: GEMM32.self),
                                     setThreads32: threads.map { unsafeBitCast($0, to: SetThreads32.self) })
                        : SystemBLAS(label, gemm64: unsafeBitCast(sym, to: GEMM64.self),
                                     setThreads64: threads.map { unsafeBitCast($0, to: SetThreads64.self) })
                }
            }
            dlclose(handle)
        }
        return nil
    }

    init(_ label: String, gemm32: GEMM32? = nil, gemm64: GEMM64? = nil,
         setThreads32: SetThreads32? = nil, setThreads64: SetThreads64? = nil) {
        description = label
        self.gemm32 = gemm32
        self.gemm64 = gemm64
        self.setThreads32 = setThreads32
        self.setThreads64 = setThreads64
    }

    /// Sets the library's thread count where it exports a setter (OpenBLAS does).
    public func setThreads(_ n: Int) {
        setThreads32?(Int32(n))
        setThreads64?(Int64(n))
    }

    /// C[M,N] = A[M,K] · Wᵀ with W stored N x K, all row-major (CblasRowMajor, NoTrans, Trans).
    public func sgemm(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, w: UnsafePointer<Float>,
                      c: UnsafeMutablePointer<Float>) {
        if let f = gemm64 {
            f(101, 111, 112, Int64(m), Int64(n), Int64(k), 1, a, Int64(k), w, Int64(k), 0, c, Int64(n))
        } else if let f = gemm32 {
            f(101, 111, 112, Int32(m), Int32(n), Int32(k), 1, a, Int32(k), w, Int32(k), 0, c, Int32(n))
        }
    }
}

extension GEMMProbe {
    /// The same shapes through a system BLAS, for the profile's "which source" comparison.
    public static func runBLAS(
        _ blas: SystemBLAS, shapes: [GEMMShape], threads: [Int], protocol proto: BenchmarkProtocol,
        progress: (String) -> Void = { _ in }
    ) -> [GEMMPoint] {
        guard let maxA = shapes.map({ $0.m * $0.k }).max(), let maxW = shapes.map({ $0.n * $0.k }).max(),
              let maxC = shapes.map({ $0.m * $0.n }).max() else { return [] }
        let a = [Float](repeating: 0.01, count: maxA), w = [Float](repeating: 0.02, count: maxW)
        var c = [Float](repeating: 0, count: maxC)
        var points: [GEMMPoint] = []
        for t in threads {
            blas.setThreads(t)
            for s in shapes {
                progress("blas gemm m=\(s.m) n=\(s.n) k=\(s.k), \(t) thread\(t == 1 ? "" : "s")")
                let timing = c.withUnsafeMutableBufferPointer { cb in
                    measure(work: s.flops, protocol: proto) {
                        blas.sgemm(m: s.m, n: s.n, k: s.k, a: a, w: w, c: cb.baseAddress!)
                        return cb[0]
                    }
                }
                points.append(GEMMPoint(shape: s, threads: t, source: .blas, rate: Rate(timing)))
            }
        }
        return points
    }
}
