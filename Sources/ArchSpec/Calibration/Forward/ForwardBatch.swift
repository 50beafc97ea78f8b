extension ForwardPass {
    /// Whether `decodeBatch` runs `spec`: every layer's mixer is standard softmax attention on the backend's
    /// kernels (keys and values of one width, no sinks, no ALiBi), so each sequence's attention is the decode
    /// kernel over its own part of the cache. MLA and recurrent mixers keep one sequence per pass.
    static func batchesDecode(_ spec: ArchitectureSpec) -> Bool {
        guard spec.position.kind != .alibi, let plan = try? spec.plan else { return false }
        return plan.kinds.allSatisfy { layer in
            guard case .attention(let a) = layer.mixer else { return layer.mixer == .none }
            if case .latent = a.form { return false }
            return !a.sinks && a.headDim == a.valueHeadDim
        }
    }

    /// One decode step of `batch` sequences with `context` tokens cached each: their rows go through the
    /// linears together (the GEMM with M = batch, the GEMV for one), attention runs per sequence over its own
    /// cache slots (sequence b at b·(context + 1)), and the lm_head gives every sequence's logits. The caches
    /// are not filled first (the kernels' time does not depend on the cached values) and recurrent states carry
    /// on from the last call (`reset()` clears them).
    ///
    /// - Returns: Every sequence's logits, batch x vocabulary.
    /// - Throws: `CalibrationError.invalid` when the spec does not batch or the batch does not fit the pass.
    func decodeBatch(_ batch: Int, context: Int) throws -> [Float] {
        guard batch == 1 || Self.batchesDecode(spec) else {
            throw CalibrationError.invalid("forward: \(spec.name) decodes one sequence per pass")
        }
        guard batch >= 1, context >= 0, batch <= maxRows, batch * (context + 1) <= weights.capacity else {
            throw CalibrationError.invalid("forward: \(batch) sequences of \(context) tokens do not fit the pass")
        }
        sequenceStride = context + 1
        position = context
        defer {
            sequenceStride = 0
            position = 0
        }
        return try forward(Array(repeating: 1, count: batch))
    }

    /// Position of row `r` of the current call: its own sequence's position in a batched step.
    func rowPosition(_ r: Int) -> Int { sequenceStride > 0 ? position : position + r }

    /// Cache slot of row `r` of the current call.
    func cacheSlot(_ r: Int) -> Int { sequenceStride > 0 ? r * sequenceStride + position : position + r }
}
