extension Kernels {
    /// C = A · B in fp32 with packed, register-blocked microkernels (BLIS-style loops).
    ///
    /// A is M x K row-major (`a[i * lda + k]`), C is M x N row-major and is overwritten. B is packed per call
    /// into `workspace`; for a weight used many times, pack it once with `PackedMatrix` and call the other
    /// overload. M = 1 with B stored N x K runs as a GEMV (no packing). Work is split over `threads` by columns
    /// of C (or by rows when C is narrow); each worker uses its own packing buffers.
    /// - Parameters:
    ///   - threads: Workers to use, at most `workspace`'s thread count.
    public static func sgemm(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        layout: MatrixLayout, c: UnsafeMutablePointer<Float>, ldc: Int, threads: Int, workspace: GEMMWorkspace
    ) {
        guard m > 0, n > 0 else { return }
        guard k > 0 else { return zero(c, rows: m, cols: n, ldc: ldc) }
        if m == 1 && layout == .nByK && ldb == k {
            return gemvF32(n: n, k: k, w: b, x: a, y: c, threads: min(threads, workspace.threads))
        }
        let sb = SharedPointer(b)
        let workers = max(1, min(threads, workspace.threads))
        parallelTiles(m: m, n: n, k: k, a: a, lda: lda, c: c, ldc: ldc, workers: workers, workspace: workspace) {
            t, cols, jc, nc, pc, kc in
            let dst = workspace.packedB + t &* GEMMWorkspace.nc &* GEMMWorkspace.kc
            packB(kc: kc, nc: nc, b: UnsafePointer(sb.p), ldb: ldb, layout: layout, col: cols.lowerBound &+ jc,
                  depth: pc, into: dst)
            return UnsafePointer(dst)
        }
    }

    /// C = A · B with B packed once (`PackedMatrix`), so no call re-packs the weight.
    public static func sgemm(
        m: Int, a: UnsafePointer<Float>, lda: Int, packed: PackedMatrix, c: UnsafeMutablePointer<Float>, ldc: Int,
        threads: Int, workspace: GEMMWorkspace
    ) {
        let n = packed.n, k = packed.k
        guard m > 0, n > 0 else { return }
        guard k > 0 else { return zero(c, rows: m, cols: n, ldc: ldc) }
        let workers = max(1, min(threads, workspace.threads))
        parallelTiles(m: m, n: n, k: k, a: a, lda: lda, c: c, ldc: ldc, workers: workers, workspace: workspace) {
            _, cols, jc, _, pc, _ in packed.panel(depth: pc, column: cols.lowerBound &+ jc)
        }
    }

    static func zero(_ c: UnsafeMutablePointer<Float>, rows: Int, cols: Int, ldc: Int) {
        for i in 0..<rows { (c + i &* ldc).update(repeating: 0, count: cols) }
    }

    /// Splits C over workers and runs the blocked loops; `panel(t, cols, jc, nc, pc, kc)` returns the packed B
    /// panel for depth [pc, pc+kc) and the worker's columns [cols.lower + jc, + nc).
    @inline(__always)
    static func parallelTiles(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, c: UnsafeMutablePointer<Float>, ldc: Int,
        workers: Int, workspace: GEMMWorkspace,
        panel: @escaping @Sendable (Int, Range<Int>, Int, Int, Int, Int) -> UnsafePointer<Float>
    ) {
        let nr = GEMMWorkspace.nr, mr = GEMMWorkspace.mr
        let slivers = (n &+ nr &- 1) / nr
        let byColumns = slivers >= workers &* 4 || m < mr &* workers
        let parts = byColumns ? min(workers, slivers) : min(workers, (m &+ mr &- 1) / mr)
        let sa = SharedPointer(a), sc = SharedPointer(c)
        parallel(parts) { t in
            let rows = byColumns ? 0..<m : split(m, parts: parts, align: mr, index: t)
            let cols = byColumns ? split(n, parts: parts, align: nr, index: t) : 0..<n
            guard !rows.isEmpty, !cols.isEmpty else { return }
            blocked(m: rows.count, n: cols.count, k: k, a: UnsafePointer(sa.p + rows.lowerBound &* lda), lda: lda,
                    c: sc.p + (rows.lowerBound &* ldc &+ cols.lowerBound), ldc: ldc,
                    packedA: workspace.packedA + t &* GEMMWorkspace.mc &* GEMMWorkspace.kc,
                    edge: workspace.edge + t &* mr &* nr) { jc, nc, pc, kc in panel(t, cols, jc, nc, pc, kc) }
        }
    }

    /// The five BLIS loops for one worker: column blocks, depth blocks, row blocks, then register tiles.
    @inline(__always)
    static func blocked(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, c: UnsafeMutablePointer<Float>, ldc: Int,
        packedA: UnsafeMutablePointer<Float>, edge: UnsafeMutablePointer<Float>,
        panel: (Int, Int, Int, Int) -> UnsafePointer<Float>
    ) {
        let nr = GEMMWorkspace.nr
        var jc = 0
        while jc < n {
            let nc = min(GEMMWorkspace.nc, n &- jc)
            var pc = 0
            while pc < k {
                let kc = min(GEMMWorkspace.kc, k &- pc)
                let packedB = panel(jc, nc, pc, kc)
                var ic = 0
                while ic < m {
                    let mc = min(GEMMWorkspace.mc, m &- ic)
                    packA(mc: mc, kc: kc, a: a + (ic &* lda &+ pc), lda: lda, into: packedA)
                    var jr = 0
                    if mc == 1 {
                        while jr &+ 4 &* nr <= nc {
                            row4(kc: kc, a: packedA, b: packedB + jr &* kc, c: c + (ic &* ldc &+ jc &+ jr),
                                 accumulate: pc > 0)
                            jr &+= 4 &* nr
                        }
                    }
                    while jr < nc {
                        var ir = 0
                        while ir < mc {
                            let rows = tileRows(mc &- ir)
                            microkernel(
                                rows: rows, kc: kc, a: packedA + ir &* kc, b: packedB + jr &* kc,
                                c: c + ((ic &+ ir) &* ldc &+ jc &+ jr), ldc: ldc, accumulate: pc > 0,
                                valid: min(rows, mc &- ir), cols: min(nr, nc &- jr), edge: edge)
                            ir &+= rows
                        }
                        jr &+= nr
                    }
                    ic &+= mc
                }
                pc &+= kc
            }
            jc &+= nc
        }
    }

    /// Packs rows [0, mc) x depth [0, kc) of A into slivers of `tileRows` rows: a sliver of h rows starting at
    /// row s holds a[s + r][k] at s*kc + k*h + r (rows past mc are zero).
    static func packA(mc: Int, kc: Int, a: UnsafePointer<Float>, lda: Int, into dst: UnsafeMutablePointer<Float>) {
        var s = 0
        while s < mc {
            let h = tileRows(mc &- s)
            let rows = min(h, mc &- s)
            let out = dst + s &* kc
            for r in 0..<h {
                if r < rows {
                    let src = a + (s &+ r) &* lda
                    for kk in 0..<kc { out[kk &* h &+ r] = src[kk] }
                } else {
                    for kk in 0..<kc { out[kk &* h &+ r] = 0 }
                }
            }
            s &+= h
        }
    }
}
