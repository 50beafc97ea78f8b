/// The head layout of an attention probe.
public struct AttentionHeads: Hashable, Codable, Sendable {
    public var heads: Int
    public var kvHeads: Int
    public var headDim: Int

    public init(heads: Int, kvHeads: Int, headDim: Int) {
        self.heads = heads
        self.kvHeads = kvHeads
        self.headDim = headDim
    }

    enum CodingKeys: String, CodingKey { case heads, kvHeads = "kv_heads", headDim = "head_dim" }

    /// fp32 K and V bytes of `tokens` cached positions (one layer).
    public func kvBytes(tokens: Int) -> Double { 2 * 4 * Double(kvHeads * headDim) * Double(tokens) }

    /// Causal prefill attention FLOPs for `tokens` tokens: QKᵀ and PV over the visible pairs, 4·heads·d per pair.
    public func prefillFlops(tokens: Int) -> Double {
        4 * Double(heads * headDim) * Double(tokens) * Double(tokens + 1) / 2
    }
}

/// Attention timing at one context: decode rate in bytes of KV per second, prefill in FLOP/s.
public struct AttentionPoint: Hashable, Codable, Sendable {
    public var heads: AttentionHeads
    /// Cached positions (decode) or new tokens (prefill).
    public var tokens: Int
    public var threads: Int
    public var rate: Rate
}

/// Attention decode (one query against a KV cache) and causal prefill at a few lengths.
public enum AttentionProbe {
    public static func decode(
        heads h: AttentionHeads, contexts: [Int], threads: [Int], variant: KernelVariant,
        protocol proto: BenchmarkProtocol, progress: (String) -> Void = { _ in }
    ) -> [AttentionPoint] {
        guard let capacity = contexts.max(), capacity > 0 else { return [] }
        let cacheCount = h.kvHeads * capacity * h.headDim
        let keys = [Float](repeating: 0.01, count: cacheCount), values = [Float](repeating: 0.02, count: cacheCount)
        let q = [Float](repeating: 0.1, count: h.heads * h.headDim)
        var out = [Float](repeating: 0, count: h.heads * h.headDim)
        var scores = [Float](repeating: 0, count: h.heads * capacity)
        var points: [AttentionPoint] = []
        for t in threads {
            let backend = KernelBackend(variant: variant, threads: t)
            for context in contexts {
                progress("attention decode \(h.heads)/\(h.kvHeads)x\(h.headDim) context \(context), \(t) thread\(t == 1 ? "" : "s")")
                let timing = measure(work: h.kvBytes(tokens: context), protocol: proto) {
                    backend.attentionDecode(q: q, keys: keys, values: values, tokens: context, heads: h.heads,
                                            kvHeads: h.kvHeads, headDim: h.headDim, capacity: capacity,
                                            out: &out, scores: &scores)
                    return out[0]
                }
                points.append(AttentionPoint(heads: h, tokens: context, threads: t, rate: Rate(timing)))
            }
        }
        return points
    }

    public static func prefill(
        heads h: AttentionHeads, lengths: [Int], threads: [Int], variant: KernelVariant,
        protocol proto: BenchmarkProtocol, progress: (String) -> Void = { _ in }
    ) -> [AttentionPoint] {
        guard let capacity = lengths.max(), capacity > 0 else { return [] }
        let cacheCount = h.kvHeads * capacity * h.headDim
        let keys = [Float](repeating: 0.01, count: cacheCount), values = [Float](repeating: 0.02, count: cacheCount)
        let q = [Float](repeating: 0.1, count: capacity * h.heads * h.headDim)
        var out = [Float](repeating: 0, count: capacity * h.heads * h.headDim)
        var scores = [Float](repeating: 0, count: 128 * capacity)
        var points: [AttentionPoint] = []
        for t in threads {
            let backend = KernelBackend(variant: variant, threads: t)
            for length in lengths {
                progress("attention prefill \(h.heads)/\(h.kvHeads)x\(h.headDim) tokens \(length), \(t) thread\(t == 1 ? "" : "s")")
                let timing = measure(work: h.prefillFlops(tokens: length), protocol: proto) {
                    backend.attentionPrefill(q: q, keys: keys, values: values, tokens: length, heads: h.heads,
                                             kvHeads: h.kvHeads, headDim: h.headDim, capacity: capacity,
                                             out: &out, scores: &scores)
                    return out[0]
                }
                points.append(AttentionPoint(heads: h, tokens: length, threads: t, rate: Rate(timing)))
            }
        }
        return points
    }
}
