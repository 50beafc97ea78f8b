import KernelsAVX512
import KernelsFMA
import KernelsPortable

extension KernelBackend {
    /// C = A·B (fp32, overwrites C); `transposedB` means B is stored N x K (a weight matrix), else K x N.
    public func sgemm(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, transposedB: Bool, c: UnsafeMutablePointer<Float>, ldc: Int) {
        switch variant {
        case .avx512: KernelsAVX512.Kernels.sgemm(m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, layout: transposedB ? .nByK : .kByN, c: c, ldc: ldc, threads: threads, workspace: avx512Workspace!)
        case .fma: KernelsFMA.Kernels.sgemm(m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, layout: transposedB ? .nByK : .kByN, c: c, ldc: ldc, threads: threads, workspace: fmaWorkspace!)
        case .portable: KernelsPortable.Kernels.sgemm(m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, layout: transposedB ? .nByK : .kByN, c: c, ldc: ldc, threads: threads, workspace: portableWorkspace!)
        }
    }

    /// y = W·x, W stored N x K in fp32.
    public func gemvF32(n: Int, k: Int, w: UnsafePointer<Float>, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        switch variant {
        case .avx512: KernelsAVX512.Kernels.gemvF32(n: n, k: k, w: w, x: x, y: y, threads: threads, streams: gemvStreams ?? KernelsAVX512.Kernels.gemvStreams)
        case .fma: KernelsFMA.Kernels.gemvF32(n: n, k: k, w: w, x: x, y: y, threads: threads, streams: gemvStreams ?? KernelsFMA.Kernels.gemvStreams)
        case .portable: KernelsPortable.Kernels.gemvF32(n: n, k: k, w: w, x: x, y: y, threads: threads, streams: gemvStreams ?? KernelsPortable.Kernels.gemvStreams)
        }
    }

    /// y = W·x, W stored N x K as bfloat16 bit patterns.
    public func gemvBF16(n: Int, k: Int, w: UnsafePointer<UInt16>, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        switch variant {
        case .avx512: KernelsAVX512.Kernels.gemvBF16(n: n, k: k, w: w, x: x, y: y, threads: threads, streams: gemvStreams ?? KernelsAVX512.Kernels.gemvStreams)
        case .fma: KernelsFMA.Kernels.gemvBF16(n: n, k: k, w: w, x: x, y: y, threads: threads, streams: gemvStreams ?? KernelsFMA.Kernels.gemvStreams)
        case .portable: KernelsPortable.Kernels.gemvBF16(n: n, k: k, w: w, x: x, y: y, threads: threads, streams: gemvStreams ?? KernelsPortable.Kernels.gemvStreams)
        }
    }

    /// y = W·x, W stored N x K as int8 with one fp32 scale per `group` elements of a row.
    /// `group` must be a multiple of 16 that divides K (every kernel copy steps 16 weights; `GEMVProbe.group` is 32).
    /// Integer dot products where `int8Path` says so (x rounded to int16 per group: see `Int8Path`).
    public func gemvInt8(n: Int, k: Int, q: UnsafePointer<Int8>, scales: UnsafePointer<Float>, group: Int, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        if int8Path != .widening {
            let wide = int8Path == .vnni512
            switch variant {
            case .avx512: return KernelsAVX512.Kernels.gemvInt8Dot(vnni512: wide, n: n, k: k, q: q, scales: scales, group: group, x: x, y: y, threads: threads, streams: gemvStreams ?? KernelsAVX512.Kernels.int8DotStreams)
            case .fma: return KernelsFMA.Kernels.gemvInt8Dot(vnni512: wide, n: n, k: k, q: q, scales: scales, group: group, x: x, y: y, threads: threads, streams: gemvStreams ?? KernelsFMA.Kernels.int8DotStreams)
            case .portable: break
            }
        }
        switch variant {
        case .avx512: KernelsAVX512.Kernels.gemvInt8(n: n, k: k, q: q, scales: scales, group: group, x: x, y: y, threads: threads)
        case .fma: KernelsFMA.Kernels.gemvInt8(n: n, k: k, q: q, scales: scales, group: group, x: x, y: y, threads: threads)
        case .portable: KernelsPortable.Kernels.gemvInt8(n: n, k: k, q: q, scales: scales, group: group, x: x, y: y, threads: threads)
        }
    }

    /// STREAM triad a = b + s·c over fp64.
    public func triad(a: UnsafeMutablePointer<Double>, b: UnsafePointer<Double>, c: UnsafePointer<Double>, scalar: Double, count: Int) {
        switch variant {
        case .avx512: KernelsAVX512.Kernels.triad(a: a, b: b, c: c, scalar: scalar, count: count, threads: threads)
        case .fma: KernelsFMA.Kernels.triad(a: a, b: b, c: c, scalar: scalar, count: count, threads: threads)
        case .portable: KernelsPortable.Kernels.triad(a: a, b: b, c: c, scalar: scalar, count: count, threads: threads)
        }
    }

    /// STREAM copy a = b over fp64.
    public func copy(a: UnsafeMutablePointer<Double>, b: UnsafePointer<Double>, count: Int) {
        switch variant {
        case .avx512: KernelsAVX512.Kernels.copy(a: a, b: b, count: count, threads: threads)
        case .fma: KernelsFMA.Kernels.copy(a: a, b: b, count: count, threads: threads)
        case .portable: KernelsPortable.Kernels.copy(a: a, b: b, count: count, threads: threads)
        }
    }

    /// One-token attention against `tokens` cached positions (cache [kvHeads][capacity][headDim]).
    public func attentionDecode(q: UnsafePointer<Float>, keys: UnsafePointer<Float>, values: UnsafePointer<Float>, tokens: Int, heads: Int, kvHeads: Int, headDim: Int, capacity: Int, out: UnsafeMutablePointer<Float>, scores: UnsafeMutablePointer<Float>) {
        switch variant {
        case .avx512: KernelsAVX512.Kernels.attentionDecode(q: q, keys: keys, values: values, tokens: tokens, shape: .init(heads: heads, kvHeads: kvHeads, headDim: headDim, capacity: capacity), out: out, scores: scores, threads: threads)
        case .fma: KernelsFMA.Kernels.attentionDecode(q: q, keys: keys, values: values, tokens: tokens, shape: .init(heads: heads, kvHeads: kvHeads, headDim: headDim, capacity: capacity), out: out, scores: scores, threads: threads)
        case .portable: KernelsPortable.Kernels.attentionDecode(q: q, keys: keys, values: values, tokens: tokens, shape: .init(heads: heads, kvHeads: kvHeads, headDim: headDim, capacity: capacity), out: out, scores: scores, threads: threads)
        }
    }

    /// Causal attention of `tokens` new tokens; `scores` holds 128·tokens floats.
    public func attentionPrefill(q: UnsafePointer<Float>, keys: UnsafePointer<Float>, values: UnsafePointer<Float>, tokens: Int, heads: Int, kvHeads: Int, headDim: Int, capacity: Int, out: UnsafeMutablePointer<Float>, scores: UnsafeMutablePointer<Float>) {
        switch variant {
        case .avx512: KernelsAVX512.Kernels.attentionPrefill(q: q, keys: keys, values: values, tokens: tokens, shape: .init(heads: heads, kvHeads: kvHeads, headDim: headDim, capacity: capacity), out: out, scores: scores, threads: threads, workspace: avx512Workspace!)
        case .fma: KernelsFMA.Kernels.attentionPrefill(q: q, keys: keys, values: values, tokens: tokens, shape: .init(heads: heads, kvHeads: kvHeads, headDim: headDim, capacity: capacity), out: out, scores: scores, threads: threads, workspace: fmaWorkspace!)
        case .portable: KernelsPortable.Kernels.attentionPrefill(q: q, keys: keys, values: values, tokens: tokens, shape: .init(heads: heads, kvHeads: kvHeads, headDim: headDim, capacity: capacity), out: out, scores: scores, threads: threads, workspace: portableWorkspace!)
        }
    }

    /// Sums an fp64 array with four read streams per thread; returns the sum so the reads are consumed.
    public func read(_ a: UnsafePointer<Double>, count: Int) -> Double {
        switch variant {
        case .avx512: KernelsAVX512.Kernels.read(a, count: count, threads: threads)
        case .fma: KernelsFMA.Kernels.read(a, count: count, threads: threads)
        case .portable: KernelsPortable.Kernels.read(a, count: count, threads: threads)
        }
    }
}

/// The clock and FMA-throughput kernels of `PeakProbe`.
extension KernelBackend {
    /// 32 x `count` dependent one-cycle integer operations; returns their value.
    public func dependentChain(count: Int, seed: UInt64) -> UInt64 {
        switch variant {
        case .avx512: KernelsAVX512.Kernels.dependentChain(count: count, seed: seed)
        case .fma: KernelsFMA.Kernels.dependentChain(count: count, seed: seed)
        case .portable: KernelsPortable.Kernels.dependentChain(count: count, seed: seed)
        }
    }

    /// `count` steps of independent fused multiply-adds on every worker; FLOPs = `fmaFlopsPerStep` x count x threads.
    public func fmaThroughput(count: Int) -> Float {
        switch variant {
        case .avx512: KernelsAVX512.Kernels.fmaThroughput(count: count, threads: threads)
        case .fma: KernelsFMA.Kernels.fmaThroughput(count: count, threads: threads)
        case .portable: KernelsPortable.Kernels.fmaThroughput(count: count, threads: threads)
        }
    }

    /// FLOPs of one `fmaThroughput` step on one worker.
    public var fmaFlopsPerStep: Int {
        switch variant {
        case .avx512: KernelsAVX512.Kernels.fmaFlopsPerStep
        case .fma: KernelsFMA.Kernels.fmaFlopsPerStep
        case .portable: KernelsPortable.Kernels.fmaFlopsPerStep
        }
    }
}
