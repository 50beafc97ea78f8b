extension Kernels {
    /// Rows of the register tile for the `remaining` rows of a packed block: 6, then 4, 2 or 1 at the end
    /// (5 pads to 6, 3 to 4), so M = 1...8 runs on tiles that do not multiply zeros.
    @inline(__always)
    static func tileRows(_ remaining: Int) -> Int {
        remaining >= 5 ? 6 : remaining >= 3 ? 4 : remaining
    }

    /// One `rows` x `Strip.width` tile of C from a packed A sliver (k-major, `rows` per k) and a packed B sliver.
    ///
    /// Tiles of 1 and 2 rows unroll k into independent accumulators so the fused multiply-adds do not wait on
    /// each other. Partial tiles (`valid` < rows or `cols` < width) go through `edge` (6 x width floats).
    @inline(__always)
    static func microkernel(
        rows: Int, kc: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
        ldc: Int, accumulate: Bool, valid: Int, cols: Int, edge: UnsafeMutablePointer<Float>
    ) {
        let w = Strip.width
        let full = valid == rows && cols == w
        let out = full ? c : edge
        let ld = full ? ldc : w
        let acc = accumulate && full
        switch rows {
        case 6: tile6(kc: kc, a: a, b: b, out: out, ld: ld, accumulate: acc)
        case 4: tile4(kc: kc, a: a, b: b, out: out, ld: ld, accumulate: acc)
        case 2: tile2(kc: kc, a: a, b: b, out: out, ld: ld, accumulate: acc)
        default: tile1(kc: kc, a: a, b: b, out: out, accumulate: acc)
        }
        if !full {
            for r in 0..<valid {
                let dst = c + r &* ldc, src = edge + r &* w
                for j in 0..<cols { dst[j] = accumulate ? dst[j] + src[j] : src[j] }
            }
        }
    }

    @inline(__always)
    static func tile6(kc: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>,
                      ld: Int, accumulate: Bool) {
        var c0 = Strip.zero, c1 = Strip.zero, c2 = Strip.zero, c3 = Strip.zero, c4 = Strip.zero, c5 = Strip.zero
        var pa = a, pb = b
        for _ in 0..<kc {
            let bv = Strip.load(pb)
            c0.add(pa[0], times: bv); c1.add(pa[1], times: bv); c2.add(pa[2], times: bv)
            c3.add(pa[3], times: bv); c4.add(pa[4], times: bv); c5.add(pa[5], times: bv)
            pa += 6
            pb += Strip.width
        }
        c0.store(out, accumulate: accumulate); c1.store(out + ld, accumulate: accumulate)
        c2.store(out + 2 &* ld, accumulate: accumulate); c3.store(out + 3 &* ld, accumulate: accumulate)
        c4.store(out + 4 &* ld, accumulate: accumulate); c5.store(out + 5 &* ld, accumulate: accumulate)
    }

    @inline(__always)
    static func tile4(kc: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>,
                      ld: Int, accumulate: Bool) {
        var c0 = Strip.zero, c1 = Strip.zero, c2 = Strip.zero, c3 = Strip.zero
        var pa = a, pb = b
        for _ in 0..<kc {
            let bv = Strip.load(pb)
            c0.add(pa[0], times: bv); c1.add(pa[1], times: bv); c2.add(pa[2], times: bv); c3.add(pa[3], times: bv)
            pa += 4
            pb += Strip.width
        }
        c0.store(out, accumulate: accumulate); c1.store(out + ld, accumulate: accumulate)
        c2.store(out + 2 &* ld, accumulate: accumulate); c3.store(out + 3 &* ld, accumulate: accumulate)
    }

    @inline(__always)
    static func tile2(kc: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>,
                      ld: Int, accumulate: Bool) {
        var c0 = Strip.zero, c1 = Strip.zero, d0 = Strip.zero, d1 = Strip.zero
        var pa = a, pb = b
        var kk = 0
        while kk &+ 2 <= kc {
            let b0 = Strip.load(pb), b1 = Strip.load(pb + Strip.width)
            c0.add(pa[0], times: b0); c1.add(pa[1], times: b0)
            d0.add(pa[2], times: b1); d1.add(pa[3], times: b1)
            pa += 4
            pb += 2 &* Strip.width
            kk &+= 2
        }
        if kk < kc {
            let b0 = Strip.load(pb)
            c0.add(pa[0], times: b0); c1.add(pa[1], times: b0)
        }
        (c0 + d0).store(out, accumulate: accumulate)
        (c1 + d1).store(out + ld, accumulate: accumulate)
    }

    @inline(__always)
    static func tile1(kc: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>,
                      accumulate: Bool) {
        var c0 = Strip.zero, c1 = Strip.zero, c2 = Strip.zero, c3 = Strip.zero
        var pa = a, pb = b
        var kk = 0
        let w = Strip.width
        while kk &+ 4 <= kc {
            c0.add(pa[0], times: Strip.load(pb)); c1.add(pa[1], times: Strip.load(pb + w))
            c2.add(pa[2], times: Strip.load(pb + 2 &* w)); c3.add(pa[3], times: Strip.load(pb + 3 &* w))
            pa += 4
            pb += 4 &* w
            kk &+= 4
        }
        while kk < kc {
            c0.add(pa[0], times: Strip.load(pb))
            pa += 1
            pb += w
            kk &+= 1
        }
        ((c0 + c1) + (c2 + c3)).store(out, accumulate: accumulate)
    }

    /// One row of C against four consecutive B slivers (four read streams instead of one), for M = 1: a single
    /// stream reads memory at about half the rate of four on the project's host. No edges: the caller passes
    /// full slivers only.
    @inline(__always)
    static func row4(kc: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
                     accumulate: Bool) {
        let w = Strip.width, stride = kc &* w
        var c0 = Strip.zero, c1 = Strip.zero, c2 = Strip.zero, c3 = Strip.zero
        var pb = b
        for kk in 0..<kc {
            let x = a[kk]
            c0.add(x, times: Strip.load(pb)); c1.add(x, times: Strip.load(pb + stride))
            c2.add(x, times: Strip.load(pb + 2 &* stride)); c3.add(x, times: Strip.load(pb + 3 &* stride))
            pb += w
        }
        c0.store(c, accumulate: accumulate); c1.store(c + w, accumulate: accumulate)
        c2.store(c + 2 &* w, accumulate: accumulate); c3.store(c + 3 &* w, accumulate: accumulate)
    }
}
