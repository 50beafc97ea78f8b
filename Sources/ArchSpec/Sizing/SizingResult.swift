/// The answer for one configuration: does it fit, how much room is left, and how fast it runs.
public struct SizingResult: Hashable, Codable, Sendable {
    public var model: String
    public var hardware: HardwareProfile
    public var layout: ParallelLayout
    /// Tokens per sequence.
    public var context: Int
    /// Sequences served together.
    public var batch: Int
    public var weights: WeightQuantization
    public var kv: KVQuantization
    /// Dtype the matmuls run in (sets the peak used).
    public var computeDType: DType
    public var memory: DeviceMemory
    /// Largest batch that fits at `context` (0 when even batch 1 does not fit).
    public var maxBatch: Int
    /// Longest context that fits at `batch`, up to the model's limit (0 when even 1 token does not fit).
    public var maxContext: Int
    /// What stopped `maxContext`: memory, the model's context_length, or the requested context when that is
    /// longer than the model's limit.
    public var maxContextBound: ContextBound
    /// The model's context_length, tokens.
    public var contextLength: Int
    /// Set when `context` exceeds the model's context_length.
    public var contextWarning: ContextWarning?
    /// Time to first token: prefill of `batch` sequences of `context` tokens.
    public var prefill: PhaseTiming
    /// One decode step: one token for each of `batch` sequences with `context` tokens cached.
    public var decode: PhaseTiming
    /// How the KV cache was allocated (exactly, or as an engine allocates it).
    public var kvAccounting: KVAccounting = .ideal
    /// The layouts tried before this one, smallest first, with why each failed (empty when none was searched).
    public var attempts: [LayoutAttempt]

    public var fits: Bool { memory.fits }
    /// Whether `maxContext` stopped at the model's context_length rather than at memory.
    public var maxContextIsModelLimit: Bool { maxContextBound == .modelLimit }
    /// Tokens per second one sequence sees during decode.
    public var decodeTokensPerSecond: Double { decode.seconds > 0 ? 1 / decode.seconds : 0 }
    /// Tokens per second across the batch.
    public var aggregateTokensPerSecond: Double { Double(batch) * decodeTokensPerSecond }
    /// The decode rate from datasheet figures alone.
    public var idealDecodeTokensPerSecond: Double { decode.idealSeconds > 0 ? 1 / decode.idealSeconds : 0 }
}

/// One layout the device-count search tried.
public struct LayoutAttempt: Hashable, Codable, Sendable {
    public var layout: ParallelLayout
    /// Whether it fits in memory.
    public var fits: Bool
    /// Why it failed: the memory overrun or the layout problem.
    public var reason: String
}
