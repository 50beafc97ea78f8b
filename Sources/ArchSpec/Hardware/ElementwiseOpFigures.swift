/// The fixed latency and bandwidth share of one kind of elementwise kernel (`step_time.elementwise_ops.<op>`).
///
/// Either field may be left out; a missing one falls back to `elementwise_latency` or `elementwise_bandwidth`.
public struct ElementwiseFigures: Hashable, Codable, Sendable {
    /// Fixed time of one kernel of this operation, seconds, added to its bytes at `bandwidth`.
    public var latency: Sourced<Seconds>?
    /// Fraction of memory bandwidth the kernel moves its bytes at.
    public var bandwidth: Sourced<Fraction>?

    public init(latency: Sourced<Seconds>? = nil, bandwidth: Sourced<Fraction>? = nil) {
        self.latency = latency
        self.bandwidth = bandwidth
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case latency, bandwidth }

    /// Each field from `self` where set, else from `base`.
    public func merged(over base: ElementwiseFigures?) -> ElementwiseFigures {
        ElementwiseFigures(latency: latency ?? base?.latency, bandwidth: bandwidth ?? base?.bandwidth)
    }
}

/// Per-operation elementwise figures (`step_time.elementwise_ops`): norms, fused residual add + norm, residual
/// adds, rotary embedding and activations each launch differently shaped kernels (a block per row for a norm, a
/// flat grid for an add), so each has its own fixed latency and bandwidth share. An operation without figures
/// (and quantisation and copies, which have no key) uses `elementwise_latency` and `elementwise_bandwidth`.
///
/// In YAML: `elementwise_ops: {norm: {latency: 4 us, bandwidth: 0.75}, rope: {latency: 1.85 us}}`.
public struct ElementwiseOpFigures: Hashable, Codable, Sendable {
    /// RMSNorm on its own (q/k norms, vidur's `input_layernorm`).
    public var norm: ElementwiseFigures?
    /// A residual add fused into the next RMSNorm.
    public var addNorm: ElementwiseFigures?
    /// A residual add on its own.
    public var residualAdd: ElementwiseFigures?
    /// Rotary embedding on q and k.
    public var rope: ElementwiseFigures?
    /// An activation, gated (SiLU-and-mul) or not.
    public var activation: ElementwiseFigures?

    public init(norm: ElementwiseFigures? = nil, addNorm: ElementwiseFigures? = nil,
                residualAdd: ElementwiseFigures? = nil, rope: ElementwiseFigures? = nil,
                activation: ElementwiseFigures? = nil) {
        self.norm = norm
        self.addNorm = addNorm
        self.residualAdd = residualAdd
        self.rope = rope
        self.activation = activation
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case norm, addNorm = "add_norm", residualAdd = "residual_add", rope, activation
    }

    /// The same `figures` for every operation (what `elementwise_latency` and `elementwise_bandwidth` alone give).
    public static func uniform(_ figures: ElementwiseFigures) -> ElementwiseOpFigures {
        ElementwiseOpFigures(norm: figures, addNorm: figures, residualAdd: figures, rope: figures, activation: figures)
    }

    /// Every operation's figures, keyed as in YAML, for validation and reports.
    public var named: [(key: String, figures: ElementwiseFigures?)] {
        [("norm", norm), ("add_norm", addNorm), ("residual_add", residualAdd), ("rope", rope), ("activation", activation)]
    }

    /// Each operation's figures from `self`, field by field, else from `base`.
    public func merged(over base: ElementwiseOpFigures) -> ElementwiseOpFigures {
        func pick(_ own: ElementwiseFigures?, _ other: ElementwiseFigures?) -> ElementwiseFigures? {
            own.map { $0.merged(over: other) } ?? other
        }
        return ElementwiseOpFigures(
            norm: pick(norm, base.norm), addNorm: pick(addNorm, base.addNorm),
            residualAdd: pick(residualAdd, base.residualAdd), rope: pick(rope, base.rope),
            activation: pick(activation, base.activation))
    }
}
