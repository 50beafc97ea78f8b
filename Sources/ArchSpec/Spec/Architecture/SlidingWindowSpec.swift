/// Whether one layer attends to all earlier tokens or only to a window of recent ones.
public enum LayerAttention: String, Hashable, Codable, Sendable, CaseIterable {
    case sliding
    case full
}

/// A sliding attention window and the layers it applies to.
///
/// Layer `i` (0-based) uses `pattern[i % pattern.count]` (every layer is `sliding` when the pattern is empty),
/// unless it is listed in `fullLayers` or `slidingLayers`, which override the pattern.
public struct SlidingWindowSpec: Hashable, Codable, Sendable {
    /// Keys a windowed query attends to, itself included, tokens.
    public var window: Int
    /// Layer kinds repeated cyclically over the layers; empty means every layer is windowed.
    public var pattern: [LayerAttention]
    /// Layers (0-based) that attend to the full context whatever the pattern says.
    public var fullLayers: [Int]
    /// Layers (0-based) that use the window whatever the pattern says.
    public var slidingLayers: [Int]

    public init(window: Int, pattern: [LayerAttention] = [], fullLayers: [Int] = [], slidingLayers: [Int] = []) {
        self.window = window
        self.pattern = pattern
        self.fullLayers = fullLayers
        self.slidingLayers = slidingLayers
    }

    func patternSays(_ index: Int) -> LayerAttention {
        pattern.isEmpty ? .sliding : pattern[index % pattern.count]
    }

    /// The kind of layer `index` (0-based).
    public func kind(ofLayer index: Int) -> LayerAttention {
        if fullLayers.contains(index) { return .full }
        if slidingLayers.contains(index) { return .sliding }
        return patternSays(index)
    }

    /// Windowed layers among `layers`, counted without walking the layers.
    public func slidingLayerCount(layers: Int) -> Int {
        guard layers > 0 else { return 0 }
        var count: Int
        if pattern.isEmpty {
            count = layers
        } else {
            let perCycle = pattern.filter { $0 == .sliding }.count
            let remainder = pattern.prefix(layers % pattern.count).filter { $0 == .sliding }.count
            count = (layers / pattern.count) * perCycle + remainder
        }
        for index in Set(fullLayers) where index < layers && patternSays(index) == .sliding { count -= 1 }
        for index in Set(slidingLayers) where index < layers && patternSays(index) == .full && !fullLayers.contains(index) {
            count += 1
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
