/// A spec's parameters per group held against a checkpoint's: the groups that differ, with tensor names.
public struct CheckpointComparison: Hashable, Sendable {
    public struct Difference: Hashable, Sendable {
        public var group: TensorGroup
        /// Parameters the spec's layer plan gives the group.
        public var expected: Int128
        /// Parameters the checkpoint's tensors hold.
        public var found: Int128
        /// The first few tensor names of the group in the checkpoint.
        public var examples: [String]
    }

    public var differences: [Difference]
    /// Parameters by the spec and by the checkpoint (groups summed).
    public var expectedTotal: Int128
    public var foundTotal: Int128

    public var matches: Bool { differences.isEmpty }

    /// The spec's parameter count per tensor group (routed experts apart from the rest of the MLP).
    public static func expected(_ spec: ArchitectureSpec) throws(CostError) -> [TensorGroup: Int128] {
        let p = try ParameterCount.breakdown(spec)
        return [
            .embedding: p.embedding, .position: p.position, .attention: p.attention, .ssm: p.ssm,
            .mlp: p.mlp - p.routedExperts, .experts: p.routedExperts, .norm: p.norm, .lmHead: p.lmHead,
            .mtp: p.mtp, .vision: p.vision, .other: 0,
        ]
    }

    /// Compares group by group.
    public init(spec: ArchitectureSpec, checkpoint: CheckpointSummary) throws(CostError) {
        let expected = try Self.expected(spec)
        differences = TensorGroup.allCases.compactMap { group in
            let want = expected[group] ?? 0, have = checkpoint.parameters(group)
            return want == have ? nil : Difference(group: group, expected: want, found: have,
                                                   examples: checkpoint.groups[group]?.examples ?? [])
        }
        expectedTotal = expected.values.reduce(0, +) - (expected[.mtp] ?? 0) - (expected[.vision] ?? 0)
        foundTotal = checkpoint.parameters - checkpoint.parameters(.mtp) - checkpoint.parameters(.vision)
    }

    /// `attention: spec 1,024, checkpoint 1,280 (model.layers.0.self_attn.q_proj.bias, ...)`.
    public static func describe(_ difference: Difference) -> String {
        let names = difference.examples.map { Escaping.short($0, limit: 80) }.joined(separator: ", ")
        return "\(difference.group.rawValue): spec \(HumanUnits.grouped(difference.expected)), checkpoint \(HumanUnits.grouped(difference.found))"
            + (names.isEmpty ? "" : " (\(names)\(difference.examples.count >= 3 ? ", ..." : ""))")
    }
}
