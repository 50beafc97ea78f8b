extension Kernels {
    /// One 6x16 tile of C from packed slivers: 12 SIMD8 accumulators, 2 loads and 6 broadcasts per k step.
    ///
    /// Partial tiles (`rows` < 6 or `cols` < 16) go through `edge`, a 96-float scratch tile.
    @inline(__always)
    static func microkernel(
        kc: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>, ldc: Int,
        accumulate: Bool, rows: Int, cols: Int, edge: UnsafeMutablePointer<Float>
    ) {
        var c00 = SIMD8<Float>(), c01 = SIMD8<Float>(), c10 = SIMD8<Float>(), c11 = SIMD8<Float>()
        var c20 = SIMD8<Float>(), c21 = SIMD8<Float>(), c30 = SIMD8<Float>(), c31 = SIMD8<Float>()
        var c40 = SIMD8<Float>(), c41 = SIMD8<Float>(), c50 = SIMD8<Float>(), c51 = SIMD8<Float>()
        var pa = a, pb = b
        var kk = 0
        while kk < kc {
            let b0 = load8(pb), b1 = load8(pb + 8)
            var av = SIMD8<Float>(repeating: pa[0])
            c00 = fma8(c00, av, b0); c01 = fma8(c01, av, b1)
            av = SIMD8<Float>(repeating: pa[1])
            c10 = fma8(c10, av, b0); c11 = fma8(c11, av, b1)
            av = SIMD8<Float>(repeating: pa[2])
            c20 = fma8(c20, av, b0); c21 = fma8(c21, av, b1)
            av = SIMD8<Float>(repeating: pa[3])
            c30 = fma8(c30, av, b0); c31 = fma8(c31, av, b1)
            av = SIMD8<Float>(repeating: pa[4])
            c40 = fma8(c40, av, b0); c41 = fma8(c41, av, b1)
            av = SIMD8<Float>(repeating: pa[5])
            c50 = fma8(c50, av, b0); c51 = fma8(c51, av, b1)
            pa += 6
            pb += 16
            kk &+= 1
        }
        let full = rows == 6 && cols == 16
        let out = full ? c : edge
        let ld = full ? ldc : 16
        storeRow(c00, c01, out, accumulate: accumulate && full)
        storeRow(c10, c11, out + ld, accumulate: accumulate && full)
        storeRow(c20, c21, out + 2 &* ld, accumulate: accumulate && full)
        storeRow(c30, c31, out + 3 &* ld, accumulate: accumulate && full)
        storeRow(c40, c41, out + 4 &* ld, accumulate: accumulate && full)
        storeRow(c50, c51, out + 5 &* ld, accumulate: accumulate && full)
        if !full {
            for r in 0..<rows {
                let dst = c + r &* ldc, src = edge + r &* 16
                for j in 0..<cols { dst[j] = accumulate ? dst[j] + src[j] : src[j] }
            }
        }
    }

    @inline(__always)
    static func storeRow(_ v0: SIMD8<Float>, _ v1: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>, accumulate: Bool) {
        if accumulate {
            store8(v0 + load8(p), p)
            store8(v1 + load8(p + 8), p + 8)
        } else {
            store8(v0, p)
            store8(v1, p + 8)
        }
    }
}
