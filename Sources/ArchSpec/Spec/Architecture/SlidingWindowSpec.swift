/// Whether one layer attends to all earlier tokens, to a window of recent ones, or within its chunk.
public enum LayerAttention: String, Hashable, Codable, Sendable, CaseIterable {
    case sliding
    case full
    /// Chunked (local) attention (Llama 4): a query attends to the earlier tokens of its own chunk of
    /// `attention.chunk_size` tokens.
    case chunked
}

/// How far each layer's attention reaches: a sliding window, chunks, and the layers each applies to.
///
/// Layer `i` (0-based) uses `pattern[i % pattern.count]` (every layer is `sliding` when the pattern is empty),
/// unless it is listed in `fullLayers` or `slidingLayers`, which override the pattern.
public struct SlidingWindowSpec: Hashable, Codable, Sendable {
    /// Keys a windowed query attends to, itself included, tokens (0 when no layer is windowed: chunks only).
    public var window: Int
    /// Layer kinds repeated cyclically over the layers; empty means every layer is windowed.
    public var pattern: [LayerAttention]
    /// Layers (0-based) that attend to the full context whatever the pattern says.
    public var fullLayers: [Int]
    /// Layers (0-based) that use the window whatever the pattern says.
    public var slidingLayers: [Int]
    /// Tokens per attention chunk for `chunked` layers (Llama 4 `attention_chunk_size`).
    public var chunkSize: Int? = nil

    public init(window: Int, pattern: [LayerAttention] = [], fullLayers: [Int] = [], slidingLayers: [Int] = [],
                chunkSize: Int? = nil) {
        self.window = window
        self.pattern = pattern
        self.fullLayers = fullLayers
        self.slidingLayers = slidingLayers
        self.chunkSize = chunkSize
    }

    func patternSays(_ index: Int) -> LayerAttention {
        pattern.isEmpty ? .sliding : pattern[index % pattern.count]
    }

    /// Pattern and overrides as one assignment (`fullLayers` wins over `slidingLayers`), built in linear time.
    public var assignment: LayerAssignment<LayerAttention> {
        var overrides: [Int: LayerAttention] = [:]
        overrides.reserveCapacity(fullLayers.count + slidingLayers.count)
        for index in slidingLayers { overrides[index] = .sliding }
        for index in fullLayers { overrides[index] = .full }
        return LayerAssignment(pattern: pattern.isEmpty ? [.sliding] : pattern, overrides: overrides)
    }

    /// The kind of layer `index` (0-based).
    public func kind(ofLayer index: Int) -> LayerAttention {
        if fullLayers.contains(index) { return .full }
        if slidingLayers.contains(index) { return .sliding }
        return patternSays(index)
    }

    /// Windowed layers among `layers`, counted without walking the layers.
    public func slidingLayerCount(layers: Int) -> Int { count(of: .sliding, layers: layers) }

    /// Layers of `kind` among `layers`, counted without walking the layers (linear in the overrides).
    public func count(of kind: LayerAttention, layers: Int) -> Int {
        guard layers > 0 else { return 0 }
        let cycle = pattern.isEmpty ? [LayerAttention.sliding] : pattern
        let perCycle = cycle.filter { $0 == kind }.count
        let remainder = cycle.prefix(layers % cycle.count).filter { $0 == kind }.count
        var count = (layers / cycle.count) * perCycle + remainder
        for (index, assigned) in assignment.overrides where index < layers {
            let patternKind = patternSays(index)
            if patternKind == kind && assigned != kind { count -= 1 }
            if patternKind != kind && assigned == kind { count += 1 }
        }
        return count
    }
}

/// How RoPE frequencies are rescaled to extend the context (informational: no effect on counts).
public struct RopeScalingSpec: Hashable, Codable, Sendable {
    /// The method, as transformers names it: linear, dynamic, yarn, longrope, llama3.
    public var type: String
    /// Context extension factor.
    public var factor: Double?
    /// Context length the model was pre-trained with, tokens.
    public var originalContextLength: Int?

    public init(type: String, factor: Double? = nil, originalContextLength: Int? = nil) {
        self.type = type
        self.factor = factor
        self.originalContextLength = originalContextLength
    }

    /// Methods archspec accepts.
    public static let types = ["linear", "dynamic", "yarn", "longrope", "llama3", "su"]
}
