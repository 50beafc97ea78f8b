/// Shared walk of `attention.kv_sharing` for AC110 and AC111: each (layer, source) pair with both layers from
/// the plan, in the order the spec lists them.
extension LintContext {
    struct KVSharingPair {
        /// Position of the pair in `attention.kv_sharing.layers` / `sources`.
        var index: Int
        var target: Int
        var source: Int
        var targetLayer: Layer
        var sourceLayer: Layer
    }

    /// The first pair `problem` reports, with its message, and how many pairs it reports in all; linear in the
    /// pairs (each layer lookup is a binary search over the plan's segments).
    func firstKVSharingProblem(_ problem: (KVSharingPair) -> String?) -> (pair: KVSharingPair, message: String, count: Int)? {
        guard let plan, let targets = integers("attention.kv_sharing.layers"),
              let sources = integers("attention.kv_sharing.sources"), targets.count == sources.count else { return nil }
        var first: (KVSharingPair, String)?
        var count = 0
        for (index, (target, source)) in zip(targets, sources).enumerated() {
            guard let targetLayer = plan.layer(at: target), let sourceLayer = plan.layer(at: source) else { continue }
            let pair = KVSharingPair(index: index, target: target, source: source, targetLayer: targetLayer,
                                     sourceLayer: sourceLayer)
            guard let message = problem(pair) else { continue }
            count += 1
            if first == nil { first = (pair, message) }
        }
        return first.map { (pair: $0.0, message: $0.1, count: count) }
    }

    /// One finding for the first problem, at its entry of `path`, counting the others.
    func kvSharingFinding(_ rule: RuleDescription, path: String, _ problem: (KVSharingPair) -> String?) -> [Diagnostic] {
        guard let (pair, message, count) = firstKVSharingProblem(problem) else { return [] }
        let others = count > 1 ? " (and \(count - 1) more \(count == 2 ? "entry" : "entries") of attention.kv_sharing)" : ""
        return [finding(rule, message + others, at: path, item: pair.index,
                        related: [("related key attention.kv_sharing.layers", "attention.kv_sharing.layers")])]
    }
}

extension TokenMixer {
    /// How a message names the mixer: `mamba2`, `linear_attention`, `none`.
    var kindName: String {
        switch self {
        case .attention, .attentionMamba2: "attention"
        case .linearAttention: MixerKind.linearAttention.rawValue
        case .mamba: MixerKind.mamba.rawValue
        case .mamba2: MixerKind.mamba2.rawValue
        case .shortConv: MixerKind.shortConv.rawValue
        case .none: "no token mixer"
        }
    }
}
