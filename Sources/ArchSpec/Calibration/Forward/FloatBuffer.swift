/// An owned, zero-initialised fp32 allocation (freed on deinit), so the forward pass can hand raw pointers to
/// the kernels without copy-on-write arrays in the way.
final class FloatBuffer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>
    let count: Int

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

    deinit { pointer.deallocate() }
}
