/// e^x for eight lanes (Cephes-style: 2^n times a degree-6 polynomial on [-ln2/2, ln2/2]; relative error ~2e-7).
///
/// Inputs are clamped to [-87.3, 88.3], so very negative scores give a tiny positive value, not 0.
@inline(__always)
func exp8(_ input: SIMD8<Float>) -> SIMD8<Float> {
    let x = input.clamped(lowerBound: SIMD8(repeating: -87.3), upperBound: SIMD8(repeating: 88.3))
    let magic = SIMD8<Float>(repeating: 12_582_912)  // 1.5 * 2^23: adding it rounds to an integer
    let shifted = fma8(magic, x, SIMD8(repeating: 1.442_695_04))
    let n = shifted - magic
    var r = fma8(x, n, SIMD8(repeating: -0.693_359_375))
    r = fma8(r, n, SIMD8(repeating: 2.121_944_4e-4))
    var p = SIMD8<Float>(repeating: 1.987_569_15e-4)
    p = fma8(SIMD8(repeating: 1.398_199_95e-3), p, r)
    p = fma8(SIMD8(repeating: 8.333_451_9e-3), p, r)
    p = fma8(SIMD8(repeating: 4.166_579_6e-2), p, r)
    p = fma8(SIMD8(repeating: 1.666_666_55e-1), p, r)
    p = fma8(SIMD8(repeating: 5.000_000_1e-1), p, r)
    p = fma8(r + 1, p, r * r)
    let bits = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000
    let scale = unsafeBitCast((bits &+ 127) &<< 23, to: SIMD8<Float>.self)
    return p * scale
}

extension Kernels {
    /// e^x computed with the same polynomial as the vector path (exposed for tests).
    public static func exp(_ x: Float) -> Float {
        exp8(SIMD8(repeating: x))[0]
    }

    /// In place softmax over `count` values; returns nothing, the values sum to 1 afterwards.
    static func softmax(_ v: UnsafeMutablePointer<Float>, count: Int) {
        guard count > 0 else { return }
        var m = -Float.infinity
        for i in 0..<count { m = max(m, v[i]) }
        let mv = SIMD8<Float>(repeating: m)
        var sum = SIMD8<Float>()
        var i = 0
        while i &+ 8 <= count {
            let e = exp8(load8(v + i) - mv)
            store8(e, v + i)
            sum += e
            i &+= 8
        }
        var total = sum.sum()
        while i < count {
            let e = exp8(SIMD8(repeating: v[i] - m))[0]
            v[i] = e
            total += e
            i &+= 1
        }
        let inv = 1 / total
        for j in 0..<count { v[j] *= inv }
    }

    /// Dot product of two fp32 vectors of `count` elements.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var s0 = SIMD8<Float>(), s1 = SIMD8<Float>()
        var i = 0
        while i &+ 16 <= count {
            s0 = fma8(s0, load8(a + i), load8(b + i))
            s1 = fma8(s1, load8(a + (i &+ 8)), load8(b + (i &+ 8)))
            i &+= 16
        }
        if i &+ 8 <= count {
            s0 = fma8(s0, load8(a + i), load8(b + i))
            i &+= 8
        }
        var s = (s0 + s1).sum()
        while i < count {
            s += a[i] * b[i]
            i &+= 1
        }
        return s
    }

    /// y += alpha * x over `count` elements.
    @inline(__always)
    static func axpy(_ alpha: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int) {
        let av = SIMD8<Float>(repeating: alpha)
        var i = 0
        while i &+ 8 <= count {
            store8(fma8(load8(y + i), av, load8(x + i)), y + i)
            i &+= 8
        }
        while i < count {
            y[i] += alpha * x[i]
            i &+= 1
        }
    }
}
