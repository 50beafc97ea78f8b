/// What the model computes, layer by layer: the one description of the layers that the cost model,
/// quantisation, sizing, lint and the forward pass read.
///
/// Layers are stored compressed: each distinct `Layer` once in `kinds`, and `segments` saying which kind each
/// layer index has, as runs of a cyclic pattern. A 10,000-layer model of one repeated block is one kind and one
/// segment, so every consumer's work grows with the number of distinct layers, not with `layers`.
public struct LayerPlan: Hashable, Codable, Sendable {
    /// Each distinct layer once.
    public internal(set) var kinds: [Layer]
    /// Consecutive layer ranges; within one, layer `start + j` has kind `cycle[j % cycle.count]`.
    public internal(set) var segments: [Segment]
    /// Layers in the model (not counting `mtp`).
    public internal(set) var layerCount: Int
    /// Layers of each kind in the whole model, indexed like `kinds`.
    public internal(set) var kindCounts: [Int]
    /// Multi-token-prediction layers after the last layer, counted apart from the model's parameters.
    public internal(set) var mtp: MTPLayers?

    /// A run of layers that repeats a short cycle of kinds.
    public struct Segment: Hashable, Codable, Sendable {
        public var start: Int
        public var length: Int
        /// Indices into `kinds`.
        public var cycle: [Int]

        /// Layers of each cycle position in the first `prefix` layers of the segment.
        func count(ofPosition position: Int, inFirst prefix: Int) -> Int {
            prefix / cycle.count + (position < prefix % cycle.count ? 1 : 0)
        }
    }

    /// Extra prediction layers: `count` copies of `layer`, each with its input projection and norms.
    public struct MTPLayers: Hashable, Codable, Sendable {
        public var count: Int
        public var layer: Layer
    }

    /// The kind index of layer `index` (0-based), found by binary search over the segments.
    public func kindIndex(at index: Int) -> Int? {
        guard index >= 0, index < layerCount else { return nil }
        var low = 0, high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].start <= index { low = mid } else { high = mid - 1 }
        }
        let segment = segments[low]
        return segment.cycle[(index - segment.start) % segment.cycle.count]
    }

    /// Layer `index` (0-based).
    public func layer(at index: Int) -> Layer? { kindIndex(at: index).map { kinds[$0] } }

    /// Layers of each kind among layers `range`, indexed like `kinds`; linear in the segments it overlaps.
    public func kindCounts(in range: Range<Int>) -> [Int] {
        var counts = [Int](repeating: 0, count: kinds.count)
        let lower = max(0, range.lowerBound), upper = min(layerCount, range.upperBound)
        guard lower < upper else { return counts }
        for segment in segments where segment.start < upper && segment.start + segment.length > lower {
            let from = max(lower, segment.start) - segment.start
            let to = min(upper, segment.start + segment.length) - segment.start
            for (position, kind) in segment.cycle.enumerated() {
                counts[kind] += segment.count(ofPosition: position, inFirst: to) - segment.count(ofPosition: position, inFirst: from)
            }
        }
        return counts
    }

    /// The distinct layers with how many times each occurs, in order of first appearance.
    public var groups: [(layer: Layer, count: Int)] {
        zip(kinds, kindCounts).map { (layer: $0, count: $1) }
    }
}

/// Why a spec's layers could not be laid out.
public enum PlanError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The per-layer patterns and overrides combine into more distinct positions than archcalc walks.
    case tooIrregular(positions: Int, limit: Int)

    public var description: String {
        switch self {
        case .tooIrregular(let positions, let limit):
            "the layer layout needs \(positions) distinct layer positions (patterns whose lengths share no factor, or too many overrides); archcalc lays out at most \(limit): write layer_types explicitly"
        }
    }
}
