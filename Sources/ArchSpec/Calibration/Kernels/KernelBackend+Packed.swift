import KernelsAVX512
import KernelsFMA
import KernelsPortable

/// A weight matrix packed once into one kernel copy's GEMM panel layout, so no GEMM call re-packs it.
///
/// Made by `KernelBackend.pack`; used with `KernelBackend.sgemm(m:a:lda:packed:c:ldc:)` of a backend of the
/// same variant (the layouts differ between copies). Holds about `n · k` floats (n rounded up to the tile width).
public final class PackedWeights: @unchecked Sendable {
    public let variant: KernelVariant
    /// Output features (columns of C).
    public let n: Int
    /// Input features (the reduction depth).
    public let k: Int
    enum Storage {
        case avx512(KernelsAVX512.PackedMatrix)
        case fma(KernelsFMA.PackedMatrix)
        case portable(KernelsPortable.PackedMatrix)
    }
    let storage: Storage

    init(variant: KernelVariant, n: Int, k: Int, storage: Storage) {
        self.variant = variant
        self.n = n
        self.k = k
        self.storage = storage
    }

    /// Bytes of the packed copy.
    public var bytes: Int {
        switch storage {
        case .avx512(let p): p.bytes
        case .fma(let p): p.bytes
        case .portable(let p): p.bytes
        }
    }
}

extension KernelBackend {
    /// Packs B (K x N; `transposedB`: stored N x K, a weight in PyTorch's layout) for this backend's GEMM.
    public func pack(n: Int, k: Int, b: UnsafePointer<Float>, ldb: Int, transposedB: Bool) -> PackedWeights {
        let layout: KernelsFMA.MatrixLayout = transposedB ? .nByK : .kByN
        let storage: PackedWeights.Storage = switch variant {
        case .avx512: .avx512(.init(n: n, k: k, b: b, ldb: ldb, layout: transposedB ? .nByK : .kByN, threads: threads))
        case .fma: .fma(.init(n: n, k: k, b: b, ldb: ldb, layout: layout, threads: threads))
        case .portable: .portable(.init(n: n, k: k, b: b, ldb: ldb, layout: transposedB ? .nByK : .kByN, threads: threads))
        }
        return PackedWeights(variant: variant, n: n, k: k, storage: storage)
    }

    /// C = A·B with B packed by `pack` (fp32, overwrites C, M x `packed.n`).
    ///
    /// `packed` must come from a backend of the same variant (a programming error otherwise).
    public func sgemm(m: Int, a: UnsafePointer<Float>, lda: Int, packed: PackedWeights, c: UnsafeMutablePointer<Float>,
                      ldc: Int) {
        switch packed.storage {
        case .avx512(let p):
            precondition(variant == .avx512, "weights packed for avx512 used with \(variant.rawValue)")
            KernelsAVX512.Kernels.sgemm(m: m, a: a, lda: lda, packed: p, c: c, ldc: ldc, threads: threads,
                                        workspace: avx512Workspace!)
        case .fma(let p):
            precondition(variant == .fma, "weights packed for fma used with \(variant.rawValue)")
            KernelsFMA.Kernels.sgemm(m: m, a: a, lda: lda, packed: p, c: c, ldc: ldc, threads: threads,
                                     workspace: fmaWorkspace!)
        case .portable(let p):
            precondition(variant == .portable, "weights packed for portable used with \(variant.rawValue)")
            KernelsPortable.Kernels.sgemm(m: m, a: a, lda: lda, packed: p, c: c, ldc: ldc, threads: threads,
                                          workspace: portableWorkspace!)
        }
    }
}
