#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The elementwise and row-wise operations of a transformer forward pass (fp32, in place where noted).
extension Kernels {
    /// RMSNorm of `rows` rows of `dim`: out = x / sqrt(mean(x²) + eps) * weight.
    public static func rmsNorm(
        _ x: UnsafePointer<Float>, weight: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>,
        rows: Int, dim: Int, eps: Float
    ) {
        for r in 0..<rows {
            let xr = x + r &* dim, o = out + r &* dim
            let ms = dot(xr, xr, count: dim) / Float(dim)
            let inv = 1 / (ms + eps).squareRoot()
            for i in 0..<dim { o[i] = xr[i] * inv * weight[i] }
        }
    }

    /// LayerNorm of `rows` rows: out = (x - mean) / sqrt(var + eps) * weight + bias (bias optional).
    public static func layerNorm(
        _ x: UnsafePointer<Float>, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
        out: UnsafeMutablePointer<Float>, rows: Int, dim: Int, eps: Float
    ) {
        for r in 0..<rows {
            let xr = x + r &* dim, o = out + r &* dim
            var sum = SIMD8<Float>(), squares = SIMD8<Float>()
            var i = 0
            while i &+ 8 <= dim {
                let v = load8(xr + i)
                sum += v
                squares = fma8(squares, v, v)
                i &+= 8
            }
            var total = sum.sum(), totalSquares = squares.sum()
            while i < dim {
                total += xr[i]
                totalSquares += xr[i] * xr[i]
                i &+= 1
            }
            let mean = total / Float(dim)
            let variance = max(0, totalSquares / Float(dim) - mean * mean)
            let inv = 1 / (variance + eps).squareRoot()
            for i in 0..<dim { o[i] = (xr[i] - mean) * inv * weight[i] + (bias?[i] ?? 0) }
        }
    }

    /// Rotary embedding, "rotate half" convention: in each head, pairs (i, i + d/2) rotate by the angle whose
    /// cosine and sine are `cos[r * d/2 + i]` and `sin[r * d/2 + i]` (tables built once per forward call).
    /// Row r of `x` starts at `x + r * rowStride`; its `heads` heads are contiguous.
    public static func rope(
        _ x: UnsafeMutablePointer<Float>, rows: Int, heads: Int, headDim: Int, rowStride: Int,
        cos: UnsafePointer<Float>, sin: UnsafePointer<Float>
    ) {
        let half = headDim / 2
        for r in 0..<rows {
            let c = cos + r &* half, s = sin + r &* half
            for h in 0..<heads {
                let p = x + (r &* rowStride &+ h &* headDim)
                for i in 0..<half {
                    let a = p[i], b = p[i &+ half]
                    p[i] = a * c[i] - b * s[i]
                    p[i &+ half] = b * c[i] + a * s[i]
                }
            }
        }
    }

    /// gate[i] = silu(gate[i]) * up[i] = gate / (1 + e^-gate) * up (SwiGLU), in place over `count` elements.
    public static func siluMultiply(_ gate: UnsafeMutablePointer<Float>, _ up: UnsafePointer<Float>, count: Int) {
        var i = 0
        while i &+ 8 <= count {
            let g = load8(gate + i)
            store8(g / (1 + exp8(-g)) * load8(up + i), gate + i)
            i &+= 8
        }
        while i < count {
            let g = SIMD8<Float>(repeating: gate[i])
            gate[i] = (g / (1 + exp8(-g)))[0] * up[i]
            i &+= 1
        }
    }

    /// x[i] = gelu(x[i]) with the tanh approximation, tanh(u) = 1 - 2 / (e^(2u) + 1), in place.
    public static func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        @inline(__always) func gelu8(_ v: SIMD8<Float>) -> SIMD8<Float> {
            let u = 0.797_884_56 * (v + 0.044_715 * v * v * v)
            let t = 1 - 2 / (exp8(2 * u) + 1)
            return 0.5 * v * (1 + t)
        }
        var i = 0
        while i &+ 8 <= count {
            store8(gelu8(load8(x + i)), x + i)
            i &+= 8
        }
        while i < count {
            x[i] = gelu8(SIMD8(repeating: x[i]))[0]
            i &+= 1
        }
    }

    /// y[i] += x[i] over `count` elements.
    public static func add(_ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int) {
        axpy(1, x, y, count: count)
    }

    /// Adds `bias` (dim) to every one of `rows` rows of x.
    public static func addBias(_ bias: UnsafePointer<Float>, to x: UnsafeMutablePointer<Float>, rows: Int, dim: Int) {
        for r in 0..<rows { axpy(1, bias, x + r &* dim, count: dim) }
    }
}

