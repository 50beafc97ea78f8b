import Dispatch

/// Namespace for the calibration kernels: packed GEMM, GEMV per weight format, streaming bandwidth probes,
/// attention, and the elementwise layer operations of a forward pass.
///
/// The same source is compiled into three modules (see Package.swift): `KernelsAVX512` (AVX-512 code generation
/// and 64-column tiles), `KernelsFMA` (AVX2+FMA on x86_64) and `KernelsPortable` (the architecture's baseline). Every entry point takes raw pointers and
/// trusts its caller for sizes: the callers in ArchSpec check shapes before calling.
public enum Kernels {
    /// How this copy of the kernels was compiled, for the hardware profile.
    public static var codegen: String {
        #if KERNEL_LAYOUT_CHECK
        return "the AVX-512 copy's 6x64 tiles compiled for AVX2 (a test build)"
        #elseif arch(x86_64) && KERNEL_AVX512
        return "x86_64, -target-cpu skylake-avx512 (AVX-512 F/CD/BW/DQ/VL), 6x64 tiles, fused multiply-add"
        #elseif arch(x86_64) && KERNEL_FMA
        return "x86_64, -target-cpu haswell (AVX2+FMA), fused multiply-add"
        #elseif arch(x86_64)
        return "x86_64 baseline (SSE2), separate multiply and add"
        #elseif arch(arm64)
        return "arm64 baseline (NEON), fused multiply-add"
        #else
        return "baseline, separate multiply and add"
        #endif
    }

    /// Columns of C per GEMM register tile (the packed sliver width): 64 in the AVX-512 copy, else 16.
    public static var tileColumns: Int { Strip.width }

    /// Whether the multiply-adds in these kernels compile to fused instructions.
    public static var fusedMultiplyAdd: Bool {
        #if KERNEL_FMA || arch(arm64)
        return true
        #else
        return false
        #endif
    }
}

/// A pointer that may cross into the worker threads of `parallel`; the caller guarantees disjoint writes.
@usableFromInline
struct SharedPointer<T>: @unchecked Sendable {
    @usableFromInline let p: UnsafeMutablePointer<T>
    @usableFromInline init(_ p: UnsafeMutablePointer<T>) { self.p = p }
    @usableFromInline init(_ p: UnsafePointer<T>) { self.p = UnsafeMutablePointer(mutating: p) }
}

/// Runs `body(i)` for i in 0..<count, on up to `count` threads at once (inline when count is 1).
@inline(__always)
func parallel(_ count: Int, _ body: @Sendable (Int) -> Void) {
    if count <= 1 {
        body(0)
    } else {
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
}

/// Splits 0..<total into `parts` contiguous ranges whose starts are multiples of `align`.
@inline(__always)
func split(_ total: Int, parts: Int, align: Int, index: Int) -> Range<Int> {
    let units = (total &+ align &- 1) / align
    let per = units / parts, extra = units % parts
    let lo = index &* per &+ min(index, extra)
    let hi = lo &+ per &+ (index < extra ? 1 : 0)
    return min(lo &* align, total)..<min(hi &* align, total)
}

/// c + a*b, fused where the build supports it (a plain `addingProduct` without FMA hardware becomes `fmaf` calls).
@inline(__always)
func fma8(_ c: SIMD8<Float>, _ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> {
    #if KERNEL_FMA || arch(arm64)
    return c.addingProduct(a, b)
    #else
    return c + a * b
    #endif
}

@inline(__always)
func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
}

@inline(__always)
func store8(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
}
