import KernelsAVX512
import KernelsFMA
import KernelsPortable

/// The row-wise and elementwise operations of the forward pass, dispatched to the selected kernel copy.
extension KernelBackend {
    /// e^x with the kernels' vector polynomial (used by softmax).
    public func exp(_ x: Float) -> Float {
        switch variant {
        case .avx512: KernelsAVX512.Kernels.exp(x)
        case .fma: KernelsFMA.Kernels.exp(x)
        case .portable: KernelsPortable.Kernels.exp(x)
        }
    }

    /// RMSNorm of `rows` rows of `dim` floats into `out`.
    public func rmsNorm(_ x: UnsafePointer<Float>, weight: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>,
                        rows: Int, dim: Int, eps: Float) {
        switch variant {
        case .avx512: KernelsAVX512.Kernels.rmsNorm(x, weight: weight, out: out, rows: rows, dim: dim, eps: eps)
        case .fma: KernelsFMA.Kernels.rmsNorm(x, weight: weight, out: out, rows: rows, dim: dim, eps: eps)
        case .portable: KernelsPortable.Kernels.rmsNorm(x, weight: weight, out: out, rows: rows, dim: dim, eps: eps)
        }
    }

    /// LayerNorm of `rows` rows of `dim` floats into `out`, bias optional.
    public func layerNorm(_ x: UnsafePointer<Float>, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
                          out: UnsafeMutablePointer<Float>, rows: Int, dim: Int, eps: Float) {
        switch variant {
        case .avx512: KernelsAVX512.Kernels.layerNorm(x, weight: weight, bias: bias, out: out, rows: rows, dim: dim, eps: eps)
        case .fma: KernelsFMA.Kernels.layerNorm(x, weight: weight, bias: bias, out: out, rows: rows, dim: dim, eps: eps)
        case .portable:
            KernelsPortable.Kernels.layerNorm(x, weight: weight, bias: bias, out: out, rows: rows, dim: dim, eps: eps)
        }
    }

    /// Rotary embedding in place ("rotate half") from cosine/sine tables of rows x headDim/2.
    public func rope(_ x: UnsafeMutablePointer<Float>, rows: Int, heads: Int, headDim: Int, rowStride: Int,
                     cos: UnsafePointer<Float>, sin: UnsafePointer<Float>) {
        switch variant {
        case .avx512:
            KernelsAVX512.Kernels.rope(x, rows: rows, heads: heads, headDim: headDim, rowStride: rowStride, cos: cos, sin: sin)
        case .fma:
            KernelsFMA.Kernels.rope(x, rows: rows, heads: heads, headDim: headDim, rowStride: rowStride, cos: cos, sin: sin)
        case .portable:
            KernelsPortable.Kernels.rope(x, rows: rows, heads: heads, headDim: headDim, rowStride: rowStride,
                                         cos: cos, sin: sin)
        }
    }

    /// gate = silu(gate) * up, in place.
    public func siluMultiply(_ gate: UnsafeMutablePointer<Float>, _ up: UnsafePointer<Float>, count: Int) {
        switch variant {
        case .avx512: KernelsAVX512.Kernels.siluMultiply(gate, up, count: count)
        case .fma: KernelsFMA.Kernels.siluMultiply(gate, up, count: count)
        case .portable: KernelsPortable.Kernels.siluMultiply(gate, up, count: count)
        }
    }

    /// x = gelu(x) (tanh approximation), in place.
    public func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        switch variant {
        case .avx512: KernelsAVX512.Kernels.gelu(x, count: count)
        case .fma: KernelsFMA.Kernels.gelu(x, count: count)
        case .portable: KernelsPortable.Kernels.gelu(x, count: count)
        }
    }

    /// y += x.
    public func add(_ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int) {
        switch variant {
        case .avx512: KernelsAVX512.Kernels.add(x, into: y, count: count)
        case .fma: KernelsFMA.Kernels.add(x, into: y, count: count)
        case .portable: KernelsPortable.Kernels.add(x, into: y, count: count)
        }
    }

    /// Adds `bias` to each of `rows` rows of `dim` floats.
    public func addBias(_ bias: UnsafePointer<Float>, to x: UnsafeMutablePointer<Float>, rows: Int, dim: Int) {
        switch variant {
        case .avx512: KernelsAVX512.Kernels.addBias(bias, to: x, rows: rows, dim: dim)
        case .fma: KernelsFMA.Kernels.addBias(bias, to: x, rows: rows, dim: dim)
        case .portable: KernelsPortable.Kernels.addBias(bias, to: x, rows: rows, dim: dim)
        }
    }
}
