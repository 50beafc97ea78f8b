/// The forward pass's working buffers by role, each grown to the largest size asked for (the warm-up prefill
/// asks for the largest), so timed steps do not allocate.
struct ForwardScratch {
    /// What a working buffer holds.
    enum Role: Int, CaseIterable {
        /// Fused projections (q/k/v, in_proj, ...), rows x width.
        case projection
        /// Queries after norms and rope, rows x heads x head width.
        case queries
        /// The mixer's output before its out projection, rows x width.
        case mixed
        /// MLP hidden activations, rows x (2·)width.
        case hidden
        /// Attention scores, one row of keys (plus slack for the kernels).
        case scores
        /// MLA: expanded keys and values, or absorbed queries.
        case expanded
        /// A second projection (gates, ba, x_proj).
        case auxiliary
        /// Router logits, gathered rows, shared-gate values.
        case routerLogits, gathered, gateValues
    }

    private var buffers = [FloatBuffer?](repeating: nil, count: Role.allCases.count)

    /// At least `count` floats for `role` (contents are whatever the last user left).
    mutating func buffer(_ role: Role, _ count: Int) -> UnsafeMutablePointer<Float> {
        if let existing = buffers[role.rawValue], existing.count >= count { return existing.pointer }
        let grown = FloatBuffer(max(count, 1))
        buffers[role.rawValue] = grown
        return grown.pointer
    }
}
