/// Packing buffers for `Kernels.sgemm`, one set per thread, allocated once and reused across calls.
///
/// Allocating the packed panels on every call would add page faults to every small-M call, which is exactly
/// the region the calibration needs to measure faithfully.
public final class GEMMWorkspace: @unchecked Sendable {
    /// Rows of C per microkernel tile.
    static let mr = 6
    /// Columns of C per microkernel tile (`Strip.width`: 64 in the AVX-512 copy, else 16).
    static let nr = Strip.width
    #if KERNEL_AVX512
    /// Depth of one packed panel, elements: a B sliver (kc x 64 floats, 32 KiB) stays in L1.
    static let kc = 128
    #else
    /// Depth of one packed panel, elements: a B sliver (kc x 16 floats, 16 KiB) stays in L1.
    static let kc = 256
    #endif
    /// Rows of A packed at once (a multiple of `mr`).
    static let mc = 144
    /// Columns of B packed at once (a multiple of `nr`); 1 MiB of fp32 with `kc` = 256.
    static let nc = 1024

    let threads: Int
    let packedA: UnsafeMutablePointer<Float>
    let packedB: UnsafeMutablePointer<Float>
    let edge: UnsafeMutablePointer<Float>

    /// Creates buffers for up to `threads` concurrent workers.
    public init(threads: Int) {
        self.threads = max(1, threads)
        packedA = .allocate(capacity: self.threads * Self.mc * Self.kc)
        packedB = .allocate(capacity: self.threads * Self.nc * Self.kc)
        edge = .allocate(capacity: self.threads * Self.mr * Self.nr)
        packedA.initialize(repeating: 0, count: self.threads * Self.mc * Self.kc)
        packedB.initialize(repeating: 0, count: self.threads * Self.nc * Self.kc)
        edge.initialize(repeating: 0, count: self.threads * Self.mr * Self.nr)
    }

    deinit {
        packedA.deallocate()
        packedB.deallocate()
        edge.deallocate()
    }
}

/// How the right-hand matrix B (K x N) is stored.
public enum MatrixLayout: Sendable {
    /// B(k, n) = b[n * ldb + k]: a weight matrix stored out-features major (PyTorch's `Linear.weight`), or K for QKᵀ.
    case nByK
    /// B(k, n) = b[k * ldb + n]: plain row-major K x N, e.g. V in P·V.
    case kByN
}
