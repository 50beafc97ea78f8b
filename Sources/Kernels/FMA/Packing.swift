/// A K x N right-hand matrix (a weight) packed once into the GEMM's panel layout, for `Kernels.sgemm(m:a:...)`.
///
/// Layout: depth blocks of `GEMMWorkspace.kc`; block p (depths [p, p+kc)) starts at p · nPadded and holds
/// slivers of `Strip.width` columns, each kc x width, k-major. Any aligned column range of a block is therefore
/// one contiguous run, and a full pass over the matrix reads it front to back. The layout depends on the kernel
/// copy (the AVX-512 copy uses 64-column slivers and kc = 128), so a packed matrix belongs to the copy that made it.
public final class PackedMatrix: @unchecked Sendable {
    /// Columns (output features).
    public let n: Int
    /// Depth (input features).
    public let k: Int
    /// `n` rounded up to the sliver width.
    let nPadded: Int
    let data: UnsafeMutablePointer<Float>

    /// Packs B (K x N; stored N x K for `.nByK`, a weight in PyTorch's layout) with `threads` workers.
    public init(n: Int, k: Int, b: UnsafePointer<Float>, ldb: Int, layout: MatrixLayout, threads: Int = 1) {
        self.n = max(0, n)
        self.k = max(0, k)
        let nr = GEMMWorkspace.nr
        nPadded = (self.n &+ nr &- 1) / nr &* nr
        let count = max(1, nPadded &* self.k)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: count &* 4, alignment: 64)
        data = raw.bindMemory(to: Float.self, capacity: count)
        data.initialize(repeating: 0, count: count)
        let blocks = (self.k &+ GEMMWorkspace.kc &- 1) / GEMMWorkspace.kc
        let sb = SharedPointer(b), sd = SharedPointer(data)
        let kk = self.k, nn = self.n, padded = nPadded
        parallel(max(1, min(threads, blocks))) { t in
            let range = split(blocks, parts: max(1, min(threads, blocks)), align: 1, index: t)
            for block in range {
                let pc = block &* GEMMWorkspace.kc
                Kernels.packB(kc: min(GEMMWorkspace.kc, kk &- pc), nc: nn, b: UnsafePointer(sb.p), ldb: ldb, layout: layout,
                      col: 0, depth: pc, into: sd.p + pc &* padded)
            }
        }
    }

    deinit { data.deallocate() }

    /// Bytes held by the packed copy.
    public var bytes: Int { nPadded &* k &* 4 }

    /// The packed panel at depth `depth` (a multiple of kc) from column `column` (a multiple of the sliver width).
    @inline(__always)
    func panel(depth: Int, column: Int) -> UnsafePointer<Float> {
        let kc = min(GEMMWorkspace.kc, k &- depth)
        return UnsafePointer(data + (depth &* nPadded &+ column &* kc))
    }
}

extension Kernels {
    /// Packs columns [col, col+nc) x depth [depth, depth+kc) of B into slivers of `Strip.width` columns
    /// (k-major inside; columns past nc are zero).
    static func packB(
        kc: Int, nc: Int, b: UnsafePointer<Float>, ldb: Int, layout: MatrixLayout, col: Int, depth: Int,
        into dst: UnsafeMutablePointer<Float>
    ) {
        let nr = GEMMWorkspace.nr
        var s = 0
        while s < nc {
            let cols = min(nr, nc &- s)
            let out = dst + s &* kc
            switch layout {
            case .nByK:
                for j in 0..<nr {
                    if j < cols {
                        let src = b + ((col &+ s &+ j) &* ldb &+ depth)
                        for kk in 0..<kc { out[kk &* nr &+ j] = src[kk] }
                    } else {
                        for kk in 0..<kc { out[kk &* nr &+ j] = 0 }
                    }
                }
            case .kByN:
                for kk in 0..<kc {
                    let src = b + ((depth &+ kk) &* ldb &+ col &+ s)
                    let o = out + kk &* nr
                    if cols == nr {
                        Strip.load(src).store(o)
                    } else {
                        for j in 0..<nr { o[j] = j < cols ? src[j] : 0 }
                    }
                }
            }
            s &+= nr
        }
    }
}
