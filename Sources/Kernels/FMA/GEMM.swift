extension Kernels {
    /// C = A · B in fp32 with a packed, register-blocked 6x16 microkernel (BLIS-style loops).
    ///
    /// A is M x K row-major (`a[i * lda + k]`), C is M x N row-major and is overwritten. Work is split over
    /// `threads` by columns of C (or by rows when C is narrow); each worker uses its own packing buffers.
    /// - Parameters:
    ///   - threads: Workers to use, at most `workspace`'s thread count.
    public static func sgemm(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        layout: MatrixLayout, c: UnsafeMutablePointer<Float>, ldc: Int, threads: Int, workspace: GEMMWorkspace
    ) {
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            for i in 0..<m { (c + i &* ldc).update(repeating: 0, count: n) }
            return
        }
        let nr = GEMMWorkspace.nr, mr = GEMMWorkspace.mr
        let workers = max(1, min(threads, workspace.threads))
        let byColumns = (n + nr - 1) / nr >= workers * 4 || m < mr * workers
        let parts = byColumns ? min(workers, (n + nr - 1) / nr) : min(workers, (m + mr - 1) / mr)
        let sa = SharedPointer(a), sb = SharedPointer(b), sc = SharedPointer(c)
        parallel(parts) { t in
            let rows = byColumns ? 0..<m : split(m, parts: parts, align: mr, index: t)
            let cols = byColumns ? split(n, parts: parts, align: nr, index: t) : 0..<n
            guard !rows.isEmpty, !cols.isEmpty else { return }
            let bStart: UnsafePointer<Float> = switch layout {
            case .nByK: UnsafePointer(sb.p + cols.lowerBound &* ldb)
            case .kByN: UnsafePointer(sb.p + cols.lowerBound)
            }
            gemmSerial(
                m: rows.count, n: cols.count, k: k, a: UnsafePointer(sa.p + rows.lowerBound &* lda), lda: lda,
                b: bStart, ldb: ldb, layout: layout, c: sc.p + (rows.lowerBound &* ldc &+ cols.lowerBound), ldc: ldc,
                packedA: workspace.packedA + t &* GEMMWorkspace.mc &* GEMMWorkspace.kc,
                packedB: workspace.packedB + t &* GEMMWorkspace.nc &* GEMMWorkspace.kc,
                edge: workspace.edge + t &* mr &* nr)
        }
    }

    static func gemmSerial(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        layout: MatrixLayout, c: UnsafeMutablePointer<Float>, ldc: Int,
        packedA: UnsafeMutablePointer<Float>, packedB: UnsafeMutablePointer<Float>, edge: UnsafeMutablePointer<Float>
    ) {
        let mr = GEMMWorkspace.mr, nr = GEMMWorkspace.nr
        var jc = 0
        while jc < n {
            let nc = min(GEMMWorkspace.nc, n &- jc)
            var pc = 0
            while pc < k {
                let kc = min(GEMMWorkspace.kc, k &- pc)
                packB(kc: kc, nc: nc, b: b, ldb: ldb, layout: layout, col: jc, depth: pc, into: packedB)
                var ic = 0
                while ic < m {
                    let mc = min(GEMMWorkspace.mc, m &- ic)
                    packA(mc: mc, kc: kc, a: a + (ic &* lda &+ pc), lda: lda, into: packedA)
                    var jr = 0
                    while jr < nc {
                        var ir = 0
                        while ir < mc {
                            microkernel(
                                kc: kc, a: packedA + ir &* kc, b: packedB + jr &* kc,
                                c: c + ((ic &+ ir) &* ldc &+ jc &+ jr), ldc: ldc, accumulate: pc > 0,
                                rows: min(mr, mc &- ir), cols: min(nr, nc &- jr), edge: edge)
                            ir &+= mr
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

    /// Packs rows [0, mc) x depth [0, kc) of A into slivers of 6 rows: sliver s holds a[s*6 + r][k] at k*6 + r.
    static func packA(mc: Int, kc: Int, a: UnsafePointer<Float>, lda: Int, into dst: UnsafeMutablePointer<Float>) {
        let mr = GEMMWorkspace.mr
        var s = 0
        while s < mc {
            let rows = min(mr, mc &- s)
            let out = dst + s &* kc
            for r in 0..<mr {
                if r < rows {
                    let src = a + (s &+ r) &* lda
                    for kk in 0..<kc { out[kk &* mr &+ r] = src[kk] }
                } else {
                    for kk in 0..<kc { out[kk &* mr &+ r] = 0 }
                }
            }
            s &+= mr
        }
    }

    /// Packs columns [col, col+nc) x depth [depth, depth+kc) of B into slivers of 16 columns (k-major inside).
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
                        store8(load8(src), o)
                        store8(load8(src + 8), o + 8)
                    } else {
                        for j in 0..<nr { o[j] = j < cols ? src[j] : 0 }
                    }
                }
            }
            s &+= nr
        }
    }
}
