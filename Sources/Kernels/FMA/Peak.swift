extension Kernels {
    /// A chain of `count` x 16 dependent integer operations (add, then xor: one cycle each on every x86-64
    /// and arm64 core), timed by the caller to measure the live clock: cycles = 2 x 16 x count.
    ///
    /// - Returns: The chain's value (callers consume it so the loop cannot be removed).
    public static func dependentChain(count: Int, seed: UInt64) -> UInt64 {
        var x = seed
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15, m: UInt64 = 0xD1B5_4A32_D192_ED03
        for _ in 0..<max(0, count) {
            x = (x &+ k) ^ m; x = (x &+ m) ^ k; x = (x &+ k) ^ m; x = (x &+ m) ^ k
            x = (x &+ k) ^ m; x = (x &+ m) ^ k; x = (x &+ k) ^ m; x = (x &+ m) ^ k
            x = (x &+ k) ^ m; x = (x &+ m) ^ k; x = (x &+ k) ^ m; x = (x &+ m) ^ k
            x = (x &+ k) ^ m; x = (x &+ m) ^ k; x = (x &+ k) ^ m; x = (x &+ m) ^ k
        }
        return x
    }

    /// Fused multiply-add throughput: on each of `threads` workers, `count` steps of 6 independent strips
    /// (12 256-bit or 24 512-bit registers) c = c·a + b: enough independent chains to keep two FMA pipes of
    /// latency up to 4 (AVX2) or 6 (AVX-512) cycles busy, without spilling registers.
    ///
    /// FLOPs performed: 2 x 6 x `Strip.width` x count x threads.
    /// - Returns: A sum of the results (consume it).
    public static func fmaThroughput(count: Int, threads: Int) -> Float {
        let parts = max(1, threads)
        let partial = UnsafeMutablePointer<Float>.allocate(capacity: parts &* Strip.width)
        defer { partial.deallocate() }
        let sp = SharedPointer(partial)
        parallel(parts) { t in
            let a = Strip(repeating: 0.999_999), b = Strip(repeating: 1e-7)
            var c0 = Strip(repeating: Float(t) + 1), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0
            for _ in 0..<max(0, count) {
                c0 = fmaStrip(c0, a, b); c1 = fmaStrip(c1, a, b); c2 = fmaStrip(c2, a, b)
                c3 = fmaStrip(c3, a, b); c4 = fmaStrip(c4, a, b); c5 = fmaStrip(c5, a, b)
            }
            ((c0 + c1) + (c2 + c3) + (c4 + c5)).store(sp.p + t &* Strip.width)
        }
        var sum: Float = 0
        for i in 0..<(parts &* Strip.width) { sum += partial[i] }
        return sum
    }

    /// FLOPs one `fmaThroughput` step performs per thread.
    public static var fmaFlopsPerStep: Int { 2 &* 6 &* Strip.width }
}

/// c·a + b per lane of a strip.
@inline(__always)
func fmaStrip(_ c: Strip, _ a: Strip, _ b: Strip) -> Strip {
    #if KERNEL_AVX512
    Strip(fma16(b.v0, c.v0, a.v0), fma16(b.v1, c.v1, a.v1), fma16(b.v2, c.v2, a.v2), fma16(b.v3, c.v3, a.v3))
    #else
    Strip(fma16(b.v0, c.v0, a.v0))
    #endif
}
