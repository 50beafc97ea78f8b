extension Kernels {
    /// y = W · x for W stored N x K as int8 with one fp32 scale per `group` consecutive elements of a row.
    ///
    /// `scales` is N x (K / group) row-major; W(n, k) = q[n*K + k] * scales[n*(K/group) + k/group].
    /// Requires `group` to be a multiple of 16 that divides K (the caller checks).
    public static func gemvInt8(
        n: Int, k: Int, q: UnsafePointer<Int8>, scales: UnsafePointer<Float>, group: Int,
        x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, threads: Int
    ) {
        let parts = max(1, min(threads, n / 64))
        let sq = SharedPointer(q), ss = SharedPointer(scales), sx = SharedPointer(x), sy = SharedPointer(y)
        let groups = k / group
        parallel(parts) { t in
            let range = split(n, parts: parts, align: 4, index: t)
            var row = range.lowerBound
            while row < range.upperBound {
                let count = min(4, range.upperBound &- row)
                int8Rows(count: count, q: UnsafePointer(sq.p + row &* k), scales: UnsafePointer(ss.p + row &* groups),
                         k: k, group: group, x: UnsafePointer(sx.p), y: sy.p + row)
                row &+= count
            }
        }
    }

    @inline(__always)
    static func widen(_ p: UnsafePointer<Int8>) -> SIMD8<Float> {
        let v = UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Int8>.self)
        return SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: v))
    }

    @inline(__always)
    static func int8Rows(
        count: Int, q: UnsafePointer<Int8>, scales: UnsafePointer<Float>, k: Int, group: Int,
        x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>
    ) {
        let groups = k / group
        let q0 = q, q1 = count > 1 ? q + k : q, q2 = count > 2 ? q + 2 &* k : q, q3 = count > 3 ? q + 3 &* k : q
        let s0 = scales, s1 = count > 1 ? scales + groups : scales
        let s2 = count > 2 ? scales + 2 &* groups : scales, s3 = count > 3 ? scales + 3 &* groups : scales
        var r0 = SIMD8<Float>(), r1 = SIMD8<Float>(), r2 = SIMD8<Float>(), r3 = SIMD8<Float>()
        var g = 0
        while g < groups {
            var a00 = SIMD8<Float>(), a01 = SIMD8<Float>(), a10 = SIMD8<Float>(), a11 = SIMD8<Float>()
            var a20 = SIMD8<Float>(), a21 = SIMD8<Float>(), a30 = SIMD8<Float>(), a31 = SIMD8<Float>()
            var i = g &* group
            let end = i &+ group
            while i < end {
                let x0 = load8(x + i), x1 = load8(x + (i &+ 8))
                a00 = fma8(a00, widen(q0 + i), x0); a01 = fma8(a01, widen(q0 + (i &+ 8)), x1)
                a10 = fma8(a10, widen(q1 + i), x0); a11 = fma8(a11, widen(q1 + (i &+ 8)), x1)
                a20 = fma8(a20, widen(q2 + i), x0); a21 = fma8(a21, widen(q2 + (i &+ 8)), x1)
                a30 = fma8(a30, widen(q3 + i), x0); a31 = fma8(a31, widen(q3 + (i &+ 8)), x1)
                i &+= 16
            }
            r0 = fma8(r0, a00 + a01, SIMD8(repeating: s0[g])); r1 = fma8(r1, a10 + a11, SIMD8(repeating: s1[g]))
            r2 = fma8(r2, a20 + a21, SIMD8(repeating: s2[g])); r3 = fma8(r3, a30 + a31, SIMD8(repeating: s3[g]))
            g &+= 1
        }
        y[0] = r0.sum()
        if count > 1 { y[1] = r1.sum() }
        if count > 2 { y[2] = r2.sum() }
        if count > 3 { y[3] = r3.sum() }
    }
}
