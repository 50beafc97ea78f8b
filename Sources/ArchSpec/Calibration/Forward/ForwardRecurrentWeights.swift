#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A recurrent token mixer's weights and per-sequence state: gated DeltaNet or lightning linear attention,
/// Mamba, Mamba-2 (alone or beside attention) or a short convolution.
///
/// Projections are out-features major like every other linear. The state is the convolution's last
/// `convKernel - 1` inputs per channel and the scan state (zero after `clearState`).
final class ForwardRecurrentWeights: @unchecked Sendable {
    enum Kind { case gatedDeltaNet(LinearAttentionSpec), lightning(LinearAttentionSpec), mamba(SSMSpec), mamba2(SSMSpec), shortConv(ShortConvSpec) }

    /// Widths of the mixer's stages.
    struct Sizes {
        /// Output columns of in_proj (the main input projection).
        var projection: Int
        /// Output columns of the second projection from the normed input (gated DeltaNet's ba, lightning's
        /// output gate) or from the convolved stream (Mamba's x_proj); 0 when none.
        var auxiliary: Int
        /// Input columns of out_proj.
        var inner: Int
        /// Channels of the depthwise convolution and its taps (0 channels: none).
        var convChannels: Int, convKernel: Int
        /// Scan state, floats.
        var stateElements: Int

        init?(_ mixer: TokenMixer, hidden h: Int) {
            switch mixer {
            case .linearAttention(let l) where l.kind == .gatedDeltaNet:
                let key = l.keyHeads * l.keyHeadDim, value = l.valueHeads * l.valueHeadDim
                (projection, auxiliary, inner) = (2 * key + 2 * value, 2 * l.valueHeads, value)
                (convChannels, convKernel) = (l.convKernel > 0 ? 2 * key + value : 0, l.convKernel)
                stateElements = l.valueHeads * l.keyHeadDim * l.valueHeadDim
            case .linearAttention(let l):
                let width = l.keyHeads * l.keyHeadDim
                (projection, auxiliary, inner, convChannels, convKernel) = (3 * width, width, width, 0, 0)
                stateElements = l.keyHeads * l.keyHeadDim * l.keyHeadDim
            case .mamba(let s):
                (projection, auxiliary, inner) = (2 * s.innerSize, s.dtRank + 2 * s.stateSize, s.innerSize)
                (convChannels, convKernel, stateElements) = (s.innerSize, s.convKernel, s.innerSize * s.stateSize)
            case .mamba2(let s), .attentionMamba2(_, let s):
                let bc = 2 * s.groups * s.stateSize
                (projection, auxiliary, inner) = (2 * s.innerSize + bc + s.heads, 0, s.innerSize)
                (convChannels, convKernel, stateElements) = (s.innerSize + bc, s.convKernel, s.heads * s.headDim * s.stateSize)
            case .shortConv(let c):
                (projection, auxiliary, inner, convChannels, convKernel, stateElements) = (3 * h, 0, h, h, c.kernel, 0)
            case .attention, .none:
                return nil
            }
        }
    }

    let kind: Kind
    let sizes: Sizes
    let inProj: FloatBuffer, inBias: FloatBuffer?
    /// Gated DeltaNet's in_proj_ba, lightning's output gate (hidden inputs), or Mamba's x_proj (inner inputs).
    let auxProj: FloatBuffer?
    /// Mamba's dt_proj, inner x dtRank, and its bias.
    let dtProj: FloatBuffer?, dtBias: FloatBuffer?
    /// Depthwise convolution, channels x taps, and its bias.
    let conv: FloatBuffer?, convBias: FloatBuffer?
    /// Per-head (Mamba: per channel x state) decay logs, skip weights D, and the output norm's weight.
    let aLog: FloatBuffer, skip: FloatBuffer, normWeight: FloatBuffer
    let outProj: FloatBuffer, outBias: FloatBuffer?
    /// The convolution's last taps - 1 inputs, [taps - 1][channels], and the scan state.
    let history: FloatBuffer, state: FloatBuffer

    init?(_ mixer: TokenMixer, hidden h: Int, seed: UInt64) {
        guard let sizes = Sizes(mixer, hidden: h) else { return nil }
        self.sizes = sizes
        var projectionBias = false, convHasBias = false, heads = 1, dtRank = 0, stateSize = 1, normWidth = sizes.inner
        switch mixer {
        case .linearAttention(let l) where l.kind == .gatedDeltaNet:
            kind = .gatedDeltaNet(l)
            heads = l.valueHeads
            normWidth = l.valueHeadDim
        case .linearAttention(let l):
            kind = .lightning(l)
            heads = l.keyHeads
        case .mamba(let s):
            kind = .mamba(s)
            (projectionBias, convHasBias, heads, dtRank, stateSize) = (s.projectionBias, s.convBias, s.innerSize, s.dtRank, s.stateSize)
        case .mamba2(let s), .attentionMamba2(_, let s):
            kind = .mamba2(s)
            (projectionBias, convHasBias, heads) = (s.projectionBias, s.convBias, s.heads)
        case .shortConv(let c):
            kind = .shortConv(c)
            (projectionBias, convHasBias) = (c.bias, c.bias)
        case .attention, .none:
            return nil
        }
        inProj = ForwardMLPWeights.matrix(sizes.projection, h, seed: seed)
        inBias = ForwardMLPWeights.bias(projectionBias, sizes.projection, seed: seed &+ 1)
        if case .mamba = kind {
            auxProj = ForwardMLPWeights.matrix(sizes.auxiliary, sizes.inner, seed: seed &+ 2)
            dtProj = ForwardMLPWeights.matrix(sizes.inner, dtRank, seed: seed &+ 3)
            dtBias = FloatBuffer(random: sizes.inner, scale: 0.5, seed: seed &+ 4)
        } else {
            auxProj = sizes.auxiliary > 0 ? ForwardMLPWeights.matrix(sizes.auxiliary, h, seed: seed &+ 2) : nil
            dtProj = nil
            dtBias = heads > 0 ? FloatBuffer(random: heads, scale: 0.5, seed: seed &+ 4) : nil
        }
        let taps = max(1, sizes.convKernel)
        conv = sizes.convChannels > 0 ? FloatBuffer(random: sizes.convChannels * taps, scale: 1 / Float(taps).squareRoot(), seed: seed &+ 5) : nil
        convBias = sizes.convChannels > 0 && convHasBias ? FloatBuffer(random: sizes.convChannels, scale: 0.02, seed: seed &+ 6) : nil
        // S4D-real decay init: A_log = log(n + 1) per state index (Mamba), log(head + 1) per head (others).
        aLog = FloatBuffer(max(1, heads * stateSize))
        for i in 0..<aLog.count { aLog.pointer[i] = Float(log(Double(i % stateSize + (stateSize > 1 ? 1 : i + 1)))) }
        skip = FloatBuffer(repeating: 1, count: max(1, heads))
        normWeight = FloatBuffer(repeating: 1, count: max(1, normWidth))
        outProj = ForwardMLPWeights.matrix(h, sizes.inner, seed: seed &+ 7)
        outBias = ForwardMLPWeights.bias(projectionBias, h, seed: seed &+ 8)
        history = FloatBuffer(max(0, sizes.convKernel - 1) * sizes.convChannels)
        state = FloatBuffer(sizes.stateElements)
    }

    /// Zeroes the convolution history and the scan state (a new sequence).
    func clearState() {
        history.pointer.update(repeating: 0, count: history.count)
        state.pointer.update(repeating: 0, count: state.count)
    }
}
