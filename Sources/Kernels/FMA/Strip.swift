/// One row of a GEMM register tile: `Strip.width` consecutive columns of C held in vector registers.
///
/// The AVX-512 copy (`KERNEL_AVX512`) holds 64 floats (four 512-bit registers); the others hold 16 (two
/// 256-bit registers with AVX2, four SSE registers on the baseline). Wider 64-lane Swift vectors are not used:
/// `SIMD64<Float>` compiles to a lane-by-lane loop, `SIMD16<Float>` to whole registers.
@usableFromInline
struct Strip {
    #if KERNEL_AVX512
    @usableFromInline var v0, v1, v2, v3: SIMD16<Float>
    /// Columns per strip.
    @usableFromInline static let width = 64
    @inline(__always) init(_ v0: SIMD16<Float>, _ v1: SIMD16<Float>, _ v2: SIMD16<Float>, _ v3: SIMD16<Float>) {
        self.v0 = v0; self.v1 = v1; self.v2 = v2; self.v3 = v3
    }
    @inline(__always) init(repeating value: Float) {
        let v = SIMD16<Float>(repeating: value)
        self.init(v, v, v, v)
    }
    @inline(__always) static var zero: Strip { Strip(.zero, .zero, .zero, .zero) }
    @inline(__always) static func load(_ p: UnsafePointer<Float>) -> Strip {
        Strip(load16(p), load16(p + 16), load16(p + 32), load16(p + 48))
    }
    /// self += a · b.
    @inline(__always) mutating func add(_ a: Float, times b: Strip) {
        let s = SIMD16<Float>(repeating: a)
        v0 = fma16(v0, s, b.v0); v1 = fma16(v1, s, b.v1); v2 = fma16(v2, s, b.v2); v3 = fma16(v3, s, b.v3)
    }
    @inline(__always) static func + (l: Strip, r: Strip) -> Strip {
        Strip(l.v0 + r.v0, l.v1 + r.v1, l.v2 + r.v2, l.v3 + r.v3)
    }
    @inline(__always) func store(_ p: UnsafeMutablePointer<Float>) {
        store16(v0, p); store16(v1, p + 16); store16(v2, p + 32); store16(v3, p + 48)
    }
    #else
    @usableFromInline var v0: SIMD16<Float>
    /// Columns per strip.
    @usableFromInline static let width = 16
    @inline(__always) init(_ v0: SIMD16<Float>) { self.v0 = v0 }
    @inline(__always) init(repeating value: Float) { self.init(SIMD16<Float>(repeating: value)) }
    @inline(__always) static var zero: Strip { Strip(.zero) }
    @inline(__always) static func load(_ p: UnsafePointer<Float>) -> Strip { Strip(load16(p)) }
    /// self += a · b.
    @inline(__always) mutating func add(_ a: Float, times b: Strip) {
        v0 = fma16(v0, SIMD16<Float>(repeating: a), b.v0)
    }
    @inline(__always) static func + (l: Strip, r: Strip) -> Strip { Strip(l.v0 + r.v0) }
    @inline(__always) func store(_ p: UnsafeMutablePointer<Float>) { store16(v0, p) }
    #endif

    /// Writes the strip to `p`, adding what is there when `accumulate`.
    @inline(__always) func store(_ p: UnsafeMutablePointer<Float>, accumulate: Bool) {
        (accumulate ? self + Strip.load(p) : self).store(p)
    }
}

/// c + a*b, fused where the build supports it.
@inline(__always)
func fma16(_ c: SIMD16<Float>, _ a: SIMD16<Float>, _ b: SIMD16<Float>) -> SIMD16<Float> {
    #if KERNEL_FMA || arch(arm64)
    return c.addingProduct(a, b)
    #else
    return c + a * b
    #endif
}

@inline(__always)
func load16(_ p: UnsafePointer<Float>) -> SIMD16<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Float>.self)
}

@inline(__always)
func store16(_ v: SIMD16<Float>, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD16<Float>.self)
}
