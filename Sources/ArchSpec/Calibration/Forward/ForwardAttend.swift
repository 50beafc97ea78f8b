#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One query row's softmax attention over `count` cached tokens, as a plain loop: the score of token j is
/// (q1·k1ⱼ + q2·k2ⱼ)·scale + slope·(offset + j) (ALiBi; offset is the first token's distance from the query,
/// ≤ 0); a sink logit joins the softmax's denominator only; out = Σ pⱼ vⱼ.
struct AttendRow {
    var q1: UnsafePointer<Float>, k1: UnsafePointer<Float>, k1Stride: Int, width1: Int
    /// A second key part (MLA's shared rotary key); width 0 when none.
    var q2: UnsafePointer<Float>? = nil, k2: UnsafePointer<Float>? = nil, k2Stride = 0, width2 = 0
    var values: UnsafePointer<Float>, valueStride: Int, valueWidth: Int
    var count: Int
    var scale: Float
    var slope: Float = 0, offset = 0
    var sink: Float? = nil

    func run(out: UnsafeMutablePointer<Float>, scores: UnsafeMutablePointer<Float>, exp: (Float) -> Float) {
        var peak = -Float.infinity
        for j in 0..<count {
            let k = k1 + j &* k1Stride
            var s: Float = 0
            for i in 0..<width1 { s += q1[i] * k[i] }
            if let q2, let k2 {
                let kk = k2 + j &* k2Stride
                for i in 0..<width2 { s += q2[i] * kk[i] }
            }
            s = s * scale + slope * Float(offset + j)
            scores[j] = s
            peak = max(peak, s)
        }
        if let sink { peak = max(peak, sink) }
        var total: Float = sink.map { exp($0 - peak) } ?? 0
        for j in 0..<count {
            scores[j] = exp(scores[j] - peak)
            total += scores[j]
        }
        for i in 0..<valueWidth { out[i] = 0 }
        let inverse = 1 / total
        for j in 0..<count {
            let p = scores[j] * inverse, v = values + j &* valueStride
            for i in 0..<valueWidth { out[i] += p * v[i] }
        }
    }
}

extension ForwardPass {
    /// The first cached token a query at `position` attends to under `span`.
    static func firstToken(_ span: AttentionSpan, position p: Int) -> Int {
        switch span {
        case .full: 0
        case .sliding(let window): max(0, p - max(1, window) + 1)
        case .chunked(let size): p / max(1, size) * max(1, size)
        }
    }

    /// ALiBi's head slopes (Press et al.): for 2ᵏ heads 2^(−8i/2ᵏ), i = 1…2ᵏ; other counts take the nearest
    /// lower power of two and fill the rest with the odd steps of twice as many heads.
    static func alibiSlopes(_ heads: Int) -> [Float] {
        guard heads > 0 else { return [] }
        var power = 1
        while power * 2 <= heads { power *= 2 }
        func slopes(_ n: Int) -> [Float] { (1...n).map { Float(pow(2, -8 * Double($0) / Double(n))) } }
        let base = slopes(power)
        guard power < heads else { return base }
        let extra = slopes(2 * power).enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        return base + extra.prefix(heads - power)
    }
}
