/// Removing a share of the attention heads of every layer, keeping the key/value grouping valid.
///
/// Query heads are removed evenly from every KV group, so every group keeps the same size and `kv_heads` is
/// unchanged (the KV cache too): the count removed is rounded down to a multiple of `kv_heads`, and at least one
/// query head stays in each group. With MHA (each head its own group) and MLA, a removed query head takes its
/// key/value head with it, so `kv_heads` falls with `heads`. `head_dim` and `hidden_size` do not change.
public enum HeadPruning {
    /// How many heads to remove per layer.
    public enum Request: Hashable, Sendable {
        /// A percentage of the heads, 0 < p < 100.
        case percent(Double)
        /// A number of heads.
        case count(Int)

        /// `30%` or `8`; `nil` when the text is neither.
        public init?(argument: String) {
            if argument.hasSuffix("%") {
                guard let value = Double(argument.dropLast()), value.isFinite, value > 0, value < 100 else { return nil }
                self = .percent(value)
            } else {
                guard let value = Int(argument), value > 0 else { return nil }
                self = .count(value)
            }
        }
    }

    /// What pruning did.
    public struct Summary: Hashable, Sendable {
        /// Heads asked for (a percentage converted to heads, rounded down).
        public var requested: Int
        public var removed: Int
        public var headsBefore: Int
        public var headsAfter: Int
        public var kvHeadsBefore: Int
        public var kvHeadsAfter: Int

        /// One line for reports.
        public var description: String {
            let share = Double(removed) / Double(headsBefore) * 100
            var text = "pruned \(removed) of \(headsBefore) attention heads per layer "
                + "(\(HumanUnits.signedPercent(share).dropFirst())): heads \(headsBefore) -> \(headsAfter), "
                + "kv_heads \(kvHeadsBefore) -> \(kvHeadsAfter)"
            if removed != requested {
                text += "; \(requested) requested, rounded down to a multiple of kv_heads \(kvHeadsBefore) so every KV group keeps the same size"
            }
            return text
        }
    }

    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        case nothingToRemove(String)
        case tooMany(String)

        public var description: String {
            switch self {
            case .nothingToRemove(let message), .tooMany(let message): message
            }
        }
    }

    /// The spec with heads removed, and what was done.
    public static func prune(_ spec: ArchitectureSpec, _ request: Request) throws(Failure) -> (ArchitectureSpec, Summary) {
        let heads = spec.attention.heads, kvHeads = spec.attention.kvHeads
        guard spec.layout.heads.isEmpty, spec.layout.kvHeads.isEmpty else {
            throw .tooMany("--prune-heads does not prune per-layer attention.heads lists yet; edit the list instead")
        }
        if let plan = try? spec.plan, !plan.kinds.contains(where: { $0.mixer.attention != nil }) {
            throw .nothingToRemove("\(spec.name) has no attention layers: there are no attention heads to prune")
        }
        let requested: Int = switch request {
        case .count(let count): count
        case .percent(let percent): Int((Double(heads) * percent / 100 + 1e-9).rounded(.down))
        }
        guard requested < heads else {
            throw .tooMany("cannot remove \(requested) of \(heads) attention heads: at least one must remain")
        }
        let grouped = kvHeads < heads && spec.attention.kind == .standard
        let removed = grouped ? (requested / kvHeads) * kvHeads : requested
        guard removed > 0 else {
            throw .nothingToRemove(requested == 0
                ? "pruning \(heads) heads by that share removes no whole head"
                : "removing \(requested) heads evenly from \(kvHeads) KV groups needs a multiple of kv_heads \(kvHeads)")
        }
        guard !grouped || removed < heads else {
            throw .tooMany("cannot remove \(removed) of \(heads) heads: every KV group must keep one query head")
        }
        var pruned = spec
        pruned.name = spec.name + " (heads pruned)"
        pruned.attention.heads = heads - removed
        pruned.attention.kvHeads = grouped ? kvHeads : heads - removed
        let summary = Summary(requested: requested, removed: removed, headsBefore: heads, headsAfter: heads - removed,
                              kvHeadsBefore: kvHeads, kvHeadsAfter: pruned.attention.kvHeads)
        return (pruned, summary)
    }
}
