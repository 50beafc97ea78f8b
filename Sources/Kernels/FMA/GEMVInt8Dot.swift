import KernelsIntDot

extension Kernels {
    /// Largest int8 group the integer path takes: each int32 lane sums group/16 products of at most
    /// 128 x 32767, which stays below 2^31 up to 8192; 4096 leaves a margin.
    public static let int8DotMaximumGroup = 4096

    /// Whether this build has the integer dot-product int8 GEMV (x86_64 only).
    public static var int8DotCompiled: Bool { archcalc_int_dot_compiled() != 0 }

    /// y = W · x for int8 W with fp32 group scales (as `gemvInt8`), by integer dot products: x is quantised to
    /// int16 once per call with one scale per group (max |x| / 32767, round to nearest), then each group of
    /// each row is `vpmovsxbw` + `vpdpwssd` (`vnni512`, AVX-512 VNNI, 32 weights per instruction) or
    /// `vpmovsxbw` + `vpmaddwd` + `vpaddd` (AVX2, 16 per instruction) into int32, converted once per group.
    ///
    /// The result differs from `gemvInt8` only by x's rounding: |error| <= sum over groups of
    /// |scale| x sum |q| x max|x_g| / 65534 (a relative 2^-16 of sum |w·x| per group), plus fp32 summation.
    /// Where x holds a NaN or an infinity, or `group` exceeds `int8DotMaximumGroup`, it runs `gemvInt8`.
    /// The caller must have checked the CPU flags (AVX-512 F/BW/VL + VNNI for `vnni512`, AVX2 otherwise).
    /// `streams` is the rows each thread reads at once (1, else 4; `int8DotStreams` by default).
    public static func gemvInt8Dot(
        vnni512: Bool, n: Int, k: Int, q: UnsafePointer<Int8>, scales: UnsafePointer<Float>, group: Int,
        x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, threads: Int, streams: Int = int8DotStreams
    ) {
        let groups = k / group
        let xq = UnsafeMutablePointer<Int16>.allocate(capacity: max(1, k))
        let xscale = UnsafeMutablePointer<Float>.allocate(capacity: max(1, groups))
        defer { xq.deallocate(); xscale.deallocate() }
        guard int8DotCompiled, group <= int8DotMaximumGroup,
              quantizeInt16(x, count: k, group: group, into: xq, scales: xscale) else {
            return gemvInt8(n: n, k: k, q: q, scales: scales, group: group, x: x, y: y, threads: threads)
        }
        let parts = max(1, min(threads, n / 64))
        let sq = SharedPointer(q), ss = SharedPointer(scales), sy = SharedPointer(y)
        let sxq = SharedPointer(xq), sxs = SharedPointer(xscale)
        parallel(parts) { t in
            let range = split(n, parts: parts, align: 4, index: t)
            guard !range.isEmpty else { return }
            let rows = range.lowerBound
            let qp = UnsafePointer(sq.p + rows &* k), sp = UnsafePointer(ss.p + rows &* groups)
            if vnni512 {
                archcalc_int8_rows_vnni512(range.count, k, group, qp, sp, sxq.p, sxs.p, sy.p + rows, streams)
            } else {
                archcalc_int8_rows_avx2(range.count, k, group, qp, sp, sxq.p, sxs.p, sy.p + rows, streams)
            }
        }
    }

    /// x to int16 per group of `group`: scales[g] = max |x| / 32767 over the group, xq = x / scale rounded.
    ///
    /// - Returns: false when x holds a non-finite value, or a group so small its scale underflows.
    static func quantizeInt16(
        _ x: UnsafePointer<Float>, count k: Int, group: Int, into xq: UnsafeMutablePointer<Int16>,
        scales: UnsafeMutablePointer<Float>
    ) -> Bool {
        var g = 0, start = 0
        while start < k {
            var peak: Float = 0
            for i in start..<(start &+ group) {
                let v = abs(x[i])
                guard v <= .greatestFiniteMagnitude else { return false }  // NaN or infinity
                peak = max(peak, v)
            }
            let scale = Float(Double(peak) / 32767)
            guard scale.isNormal || peak == 0 else { return false }  // a subnormal scale would lose the digits
            scales[g] = scale
            let inverse = peak > 0 ? 32767 / Double(peak) : 0
            for i in start..<(start &+ group) {
                xq[i] = Int16(max(-32767, min(32767, (Double(x[i]) * inverse).rounded())))
            }
            g &+= 1
            start &+= group
        }
        return true
    }
}
