/// A stored weight format that widens to fp32, eight elements at a time.
protocol RowFormat: SendableMetatype {
    /// Bytes per stored element.
    static var elementBytes: Int { get }
    /// Elements [i, i+8) of the row at `p`, as fp32.
    static func load8(_ p: UnsafeRawPointer, _ i: Int) -> SIMD8<Float>
    /// Element i of the row at `p`, as fp32.
    static func load1(_ p: UnsafeRawPointer, _ i: Int) -> Float
    /// Elements [i, i+16) of the row as two vectors, in the lane order `arrange` gives x.
    static func load16(_ p: UnsafeRawPointer, _ i: Int) -> (SIMD8<Float>, SIMD8<Float>)
    /// Reorders each full 16-element block of x to match `load16`'s lane order.
    static func arrange(_ x: UnsafePointer<Float>, count: Int, into out: UnsafeMutablePointer<Float>)
}

enum F32Format: RowFormat {
    static var elementBytes: Int { 4 }
    @inline(__always) static func load8(_ p: UnsafeRawPointer, _ i: Int) -> SIMD8<Float> {
        p.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
    }
    @inline(__always) static func load1(_ p: UnsafeRawPointer, _ i: Int) -> Float {
        p.loadUnaligned(fromByteOffset: i &* 4, as: Float.self)
    }
    @inline(__always) static func load16(_ p: UnsafeRawPointer, _ i: Int) -> (SIMD8<Float>, SIMD8<Float>) {
        (load8(p, i), load8(p, i &+ 8))
    }
    static func arrange(_ x: UnsafePointer<Float>, count: Int, into out: UnsafeMutablePointer<Float>) {
        out.update(from: x, count: count)
    }
}

/// bfloat16: the top 16 bits of an fp32, widened by a shift.
enum BF16Format: RowFormat {
    static var elementBytes: Int { 2 }
    @inline(__always) static func load8(_ p: UnsafeRawPointer, _ i: Int) -> SIMD8<Float> {
        let v = p.loadUnaligned(fromByteOffset: i &* 2, as: SIMD8<UInt16>.self)
        return unsafeBitCast(SIMD8<UInt32>(truncatingIfNeeded: v) &<< 16, to: SIMD8<Float>.self)
    }
    @inline(__always) static func load1(_ p: UnsafeRawPointer, _ i: Int) -> Float {
        Float(bitPattern: UInt32(p.loadUnaligned(fromByteOffset: i &* 2, as: UInt16.self)) &<< 16)
    }
    /// 16 bf16 values read as eight 32-bit words: the even elements are each word's low half (shift left),
    /// the odd ones its high half (mask), so widening is two integer ops with no lane shuffles.
    @inline(__always) static func load16(_ p: UnsafeRawPointer, _ i: Int) -> (SIMD8<Float>, SIMD8<Float>) {
        let v = p.loadUnaligned(fromByteOffset: i &* 2, as: SIMD8<UInt32>.self)
        return (unsafeBitCast(v &<< 16, to: SIMD8<Float>.self),
                unsafeBitCast(v & SIMD8(repeating: 0xFFFF_0000), to: SIMD8<Float>.self))
    }
    static func arrange(_ x: UnsafePointer<Float>, count: Int, into out: UnsafeMutablePointer<Float>) {
        var b = 0
        while b &+ 16 <= count {
            for l in 0..<8 {
                out[b &+ l] = x[b &+ 2 &* l]
                out[b &+ 8 &+ l] = x[b &+ 2 &* l &+ 1]
            }
            b &+= 16
        }
        while b < count {
            out[b] = x[b]
            b &+= 1
        }
    }
}

struct SharedRaw: @unchecked Sendable {
    let p: UnsafeRawPointer
}

extension Kernels {
    /// y = W · x for fp32 W stored N x K (out-features major, PyTorch's `Linear.weight`).
    /// - Parameters:
    ///   - streams: Rows each thread reads at once, 1 or 4 (`gemvStreams` by default).
    public static func gemvF32(
        n: Int, k: Int, w: UnsafePointer<Float>, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, threads: Int,
        streams: Int = gemvStreams
    ) {
        gemv(F32Format.self, n: n, k: k, w: UnsafeRawPointer(w), x: x, y: y, threads: threads, streams: streams)
    }

    /// y = W · x for W stored N x K as bfloat16 bit patterns, widened to fp32 on the fly.
    public static func gemvBF16(
        n: Int, k: Int, w: UnsafePointer<UInt16>, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, threads: Int,
        streams: Int = gemvStreams
    ) {
        gemv(BF16Format.self, n: n, k: k, w: UnsafeRawPointer(w), x: x, y: y, threads: threads, streams: streams)
    }

    /// Rows of W each thread of the fp32 and bf16 GEMVs reads at once by default: four (four read streams, one
    /// from each quarter of the thread's rows). On the Zen 4 host four adjacent rows beat one by 1.2-1.3x in the
    /// Swift GEMV (`scripts/bench-kernels.sh`), and four from the quarters beat four adjacent rows again
    /// (Sources/Kernels/README.md); on the Zen 3 host one stream read about half as fast as four.
    public static var gemvStreams: Int { 4 }

    /// Rows each thread of the int8 integer paths reads at once by default: four. With group 32 they come from the
    /// four quarters of the thread's rows (four streams far apart; four adjacent rows, 4 KiB apart at K = 4096, read
    /// slower than one row on the Zen 4 host). Sources/Kernels/README.md has the measurements.
    public static var int8DotStreams: Int { 4 }

    /// Rows split over threads in groups of four; each thread reads `streams` rows at once (1, else 4, one from each
    /// quarter of its rows, then the last up to three rows together).
    static func gemv<F: RowFormat>(
        _ format: F.Type, n: Int, k: Int, w: UnsafeRawPointer, x: UnsafePointer<Float>,
        y: UnsafeMutablePointer<Float>, threads: Int, streams: Int
    ) {
        let parts = max(1, min(threads, n / 64))
        let arranged = UnsafeMutablePointer<Float>.allocate(capacity: max(1, k))
        defer { arranged.deallocate() }
        F.arrange(x, count: k, into: arranged)
        let sw = SharedRaw(p: w), sx = SharedPointer(x), sy = SharedPointer(y), sa = SharedPointer(arranged)
        let rowBytes = k &* F.elementBytes
        parallel(parts) { t in
            let range = split(n, parts: parts, align: 4, index: t)
            var row = range.lowerBound
            if streams != 1 {
                // Four rows at once, one from each quarter of this thread's rows: four read streams a quarter of the
                // range apart (adjacent rows are streams one row apart; far-apart streams read faster on Zen 4).
                let per = range.count / 4
                for i in 0..<per {
                    dotRows(F.self, count: 4, rows: sw.p + (row &+ i) &* rowBytes, rowBytes: per &* rowBytes, k: k,
                            x: UnsafePointer(sx.p), arranged: UnsafePointer(sa.p), y: sy.p + (row &+ i), yStride: per)
                }
                row &+= 4 &* per
            }
            while row < range.upperBound {
                if streams == 1 {
                    sy.p[row] = dotRow(F.self, row: sw.p + row &* rowBytes, k: k, x: UnsafePointer(sx.p),
                                       arranged: UnsafePointer(sa.p))
                    row &+= 1
                    continue
                }
                let count = min(4, range.upperBound &- row)
                dotRows(F.self, count: count, rows: sw.p + row &* rowBytes, rowBytes: rowBytes, k: k,
                        x: UnsafePointer(sx.p), arranged: UnsafePointer(sa.p), y: sy.p + row, yStride: 1)
                row &+= count
            }
        }
    }

    /// row · x with one read stream: 32 elements per step into four independent accumulators.
    @inline(__always)
    static func dotRow<F: RowFormat>(
        _ format: F.Type, row: UnsafeRawPointer, k: Int, x: UnsafePointer<Float>, arranged: UnsafePointer<Float>
    ) -> Float {
        var a0 = SIMD8<Float>(), a1 = SIMD8<Float>(), a2 = SIMD8<Float>(), a3 = SIMD8<Float>()
        var i = 0
        while i &+ 32 <= k {
            let (w0, w1) = F.load16(row, i), (w2, w3) = F.load16(row, i &+ 16)
            a0 = fma8(a0, w0, load8(arranged + i)); a1 = fma8(a1, w1, load8(arranged + (i &+ 8)))
            a2 = fma8(a2, w2, load8(arranged + (i &+ 16))); a3 = fma8(a3, w3, load8(arranged + (i &+ 24)))
            i &+= 32
        }
        if i &+ 16 <= k {
            let (w0, w1) = F.load16(row, i)
            a0 = fma8(a0, w0, load8(arranged + i)); a1 = fma8(a1, w1, load8(arranged + (i &+ 8)))
            i &+= 16
        }
        var s = ((a0 + a1) + (a2 + a3)).sum()
        while i < k {
            s += F.load1(row, i) * x[i]
            i &+= 1
        }
        return s
    }

    /// y[r x yStride] = row r · x for `count` (1...4) rows `rowBytes` apart; missing rows alias row 0 and are not
    /// stored.
    @inline(__always)
    static func dotRows<F: RowFormat>(
        _ format: F.Type, count: Int, rows: UnsafeRawPointer, rowBytes: Int, k: Int, x: UnsafePointer<Float>,
        arranged: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, yStride: Int
    ) {
        let p0 = rows
        let p1 = count > 1 ? rows + rowBytes : rows
        let p2 = count > 2 ? rows + 2 &* rowBytes : rows
        let p3 = count > 3 ? rows + 3 &* rowBytes : rows
        var a00 = SIMD8<Float>(), a01 = SIMD8<Float>(), a10 = SIMD8<Float>(), a11 = SIMD8<Float>()
        var a20 = SIMD8<Float>(), a21 = SIMD8<Float>(), a30 = SIMD8<Float>(), a31 = SIMD8<Float>()
        var i = 0
        while i &+ 16 <= k {
            let x0 = load8(arranged + i), x1 = load8(arranged + (i &+ 8))
            let (w00, w01) = F.load16(p0, i), (w10, w11) = F.load16(p1, i)
            let (w20, w21) = F.load16(p2, i), (w30, w31) = F.load16(p3, i)
            a00 = fma8(a00, w00, x0); a01 = fma8(a01, w01, x1)
            a10 = fma8(a10, w10, x0); a11 = fma8(a11, w11, x1)
            a20 = fma8(a20, w20, x0); a21 = fma8(a21, w21, x1)
            a30 = fma8(a30, w30, x0); a31 = fma8(a31, w31, x1)
            i &+= 16
        }
        var s0 = (a00 + a01).sum(), s1 = (a10 + a11).sum(), s2 = (a20 + a21).sum(), s3 = (a30 + a31).sum()
        while i < k {
            let xi = x[i]
            s0 += F.load1(p0, i) * xi; s1 += F.load1(p1, i) * xi
            s2 += F.load1(p2, i) * xi; s3 += F.load1(p3, i) * xi
            i &+= 1
        }
        y[0] = s0
        if count > 1 { y[yStride] = s1 }
        if count > 2 { y[2 &* yStride] = s2 }
        if count > 3 { y[3 &* yStride] = s3 }
    }
}
