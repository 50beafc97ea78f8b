#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An owned, zero-initialised fp32 allocation (freed on deinit), so the forward pass can hand raw pointers to
/// the kernels without copy-on-write arrays in the way.
///
/// A buffer of `mappedBytes` or more gets its own anonymous mapping (page-aligned, zero-filled by the kernel), so
/// where a weight lies does not depend on what the process allocated before. Through malloc it did: glibc raises
/// its mmap threshold after freeing a large block (up to 32 MiB), so in `calibrate`, after the probes, a pass's
/// weights below it came from the brk heap, while in a fresh `validate` process each came from its own mapping; on
/// the project's VM decode steps over heap-placed weights ran 19-39% slower (docs/calibration.md).
final class FloatBuffer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>
    let count: Int
    /// Bytes of the anonymous mapping behind `pointer`; 0 when it came from the allocator.
    private let mappedLength: Int
    /// This buffer as a weight packed for the GEMM (`packed(n:k:by:)`), made at first use.
    private var packedCache: PackedWeights?

    /// Buffers of at least this many bytes get their own mapping: 128 KiB, glibc's default mmap threshold.
    static let mappedBytes = 128 << 10

    init(_ count: Int) {
        self.count = max(1, count)
        let (bytes, overflow) = self.count.multipliedReportingOverflow(by: MemoryLayout<Float>.stride)
        if !overflow, bytes >= Self.mappedBytes, let mapped = Self.map(bytes) {
            pointer = mapped
            mappedLength = bytes
        } else {
            pointer = .allocate(capacity: self.count)
            pointer.initialize(repeating: 0, count: self.count)
            mappedLength = 0
        }
    }

    /// A private anonymous mapping of `bytes` (zero-filled), nil when the system refuses it.
    static func map(_ bytes: Int) -> UnsafeMutablePointer<Float>? {
        #if canImport(Glibc)
        let flags = MAP_PRIVATE | MAP_ANONYMOUS
        #else
        let flags = MAP_PRIVATE | MAP_ANON
        #endif
        guard let raw = mmap(nil, bytes, PROT_READ | PROT_WRITE, flags, -1, 0),
              raw != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        return raw.bindMemory(to: Float.self, capacity: bytes / MemoryLayout<Float>.stride)
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

    deinit {
        if mappedLength > 0 {
            munmap(UnsafeMutableRawPointer(pointer), mappedLength)
        } else {
            pointer.deallocate()
        }
    }
}
