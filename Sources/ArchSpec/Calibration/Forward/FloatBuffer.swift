/// An owned, zero-initialised fp32 allocation (freed on deinit), so the forward pass can hand raw pointers to
/// the kernels without copy-on-write arrays in the way.
final class FloatBuffer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>
    let count: Int
    /// This buffer as a weight packed for the GEMM (`packed(n:k:by:)`), made at first use.
    private var packedCache: PackedWeights?

    init(_ count: Int) {
        self.count = max(1, count)
        pointer = .allocate(capacity: self.count)
        pointer.initialize(repeating: 0, count: self.count)
    }

    /// A buffer of uniform pseudo-random values in [-scale, scale) (xorshift; deterministic per seed).
    convenience init(random count: Int, scale: Float, seed: UInt64) {
        self.init(count)
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        let p = pointer
        for i in 0..<self.count {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            p[i] = (Float(UInt32(truncatingIfNeeded: state >> 40)) * (1 / 8_388_608) - 1) * scale
        }
    }

    /// A buffer with every element `value`.
    convenience init(repeating value: Float, count: Int) {
        self.init(count)
        pointer.update(repeating: value, count: self.count)
    }

    /// This buffer read as an N x K weight, packed once for `backend`'s GEMM (as an engine packs at load time,
    /// and as the GEMM probe measures); packed again only if the shape or kernel copy changes.
    func packed(n: Int, k: Int, by backend: KernelBackend) -> PackedWeights {
        if let p = packedCache, p.n == n, p.k == k, p.variant == backend.variant { return p }
        let p = backend.pack(n: n, k: k, b: pointer, ldb: k, transposedB: true)
        packedCache = p
        return p
    }

    deinit { pointer.deallocate() }
}
