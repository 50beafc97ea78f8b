extension Kernels {
    /// STREAM triad a[i] = b[i] + s * c[i] over fp64 arrays of `count` elements, split over `threads`.
    public static func triad(
        a: UnsafeMutablePointer<Double>, b: UnsafePointer<Double>, c: UnsafePointer<Double>, scalar: Double,
        count: Int, threads: Int
    ) {
        let sa = SharedPointer(a), sb = SharedPointer(b), sc = SharedPointer(c)
        parallel(max(1, threads)) { t in
            let r = split(count, parts: max(1, threads), align: 8, index: t)
            let a = sa.p, b = sb.p, c = sc.p
            var i = r.lowerBound
            while i < r.upperBound {
                a[i] = b[i] + scalar * c[i]
                i &+= 1
            }
        }
    }

    /// STREAM copy a[i] = b[i] over fp64 arrays (an explicit loop, not `memcpy`, so no non-temporal stores).
    public static func copy(a: UnsafeMutablePointer<Double>, b: UnsafePointer<Double>, count: Int, threads: Int) {
        let sa = SharedPointer(a), sb = SharedPointer(b)
        parallel(max(1, threads)) { t in
            let r = split(count, parts: max(1, threads), align: 8, index: t)
            let a = sa.p, b = sb.p
            var i = r.lowerBound
            while i < r.upperBound {
                a[i] = b[i]
                i &+= 1
            }
        }
    }

    /// Sums fp64 array `a` with four concurrent read streams per thread and independent SIMD accumulators.
    ///
    /// - Returns: The sum (callers consume it so the reads cannot be optimised away).
    public static func read(_ a: UnsafePointer<Double>, count: Int, threads: Int) -> Double {
        let parts = max(1, threads)
        let partial = UnsafeMutablePointer<Double>.allocate(capacity: parts)
        defer { partial.deallocate() }
        let sa = SharedPointer(a), sp = SharedPointer(partial)
        parallel(parts) { t in
            let r = split(count, parts: parts, align: 8, index: t)
            let quarter = (r.count / 4) & ~7
            let p0 = UnsafePointer(sa.p + r.lowerBound)
            let p1 = p0 + quarter, p2 = p1 + quarter, p3 = p2 + quarter
            var s0 = SIMD4<Double>(), s1 = SIMD4<Double>(), s2 = SIMD4<Double>(), s3 = SIMD4<Double>()
            var u0 = SIMD4<Double>(), u1 = SIMD4<Double>(), u2 = SIMD4<Double>(), u3 = SIMD4<Double>()
            var i = 0
            while i < quarter {
                s0 += UnsafeRawPointer(p0 + i).loadUnaligned(as: SIMD4<Double>.self)
                u0 += UnsafeRawPointer(p0 + (i &+ 4)).loadUnaligned(as: SIMD4<Double>.self)
                s1 += UnsafeRawPointer(p1 + i).loadUnaligned(as: SIMD4<Double>.self)
                u1 += UnsafeRawPointer(p1 + (i &+ 4)).loadUnaligned(as: SIMD4<Double>.self)
                s2 += UnsafeRawPointer(p2 + i).loadUnaligned(as: SIMD4<Double>.self)
                u2 += UnsafeRawPointer(p2 + (i &+ 4)).loadUnaligned(as: SIMD4<Double>.self)
                s3 += UnsafeRawPointer(p3 + i).loadUnaligned(as: SIMD4<Double>.self)
                u3 += UnsafeRawPointer(p3 + (i &+ 4)).loadUnaligned(as: SIMD4<Double>.self)
                i &+= 8
            }
            var total = (s0 + s1 + s2 + s3 + u0 + u1 + u2 + u3).sum()
            var j = r.lowerBound &+ 4 &* quarter
            while j < r.upperBound {
                total += sa.p[j]
                j &+= 1
            }
            sp.p[t] = total
        }
        var sum = 0.0
        for t in 0..<parts { sum += partial[t] }
        return sum
    }
}
