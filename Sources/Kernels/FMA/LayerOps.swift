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
            var mean: Float = 0
            for i in 0..<dim { mean += xr[i] }
            mean /= Float(dim)
            var variance: Float = 0
            for i in 0..<dim { variance += (xr[i] - mean) * (xr[i] - mean) }
            let inv = 1 / (variance / Float(dim) + eps).squareRoot()
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

    /// gate[i] = silu(gate[i]) * up[i] (SwiGLU), in place over `count` elements.
    public static func siluMultiply(_ gate: UnsafeMutablePointer<Float>, _ up: UnsafePointer<Float>, count: Int) {
        for i in 0..<count {
            let g = gate[i]
            gate[i] = g / (1 + cExp(-g)) * up[i]
        }
    }

    /// x[i] = gelu(x[i]) (tanh approximation), in place.
    public static func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count {
            let v = x[i]
            x[i] = 0.5 * v * (1 + tanhf(0.797_884_56 * (v + 0.044_715 * v * v * v)))
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

@inline(__always)
private func cExp(_ x: Float) -> Float { expf(x) }
