/// The plan's distinct layers with their costs and counts: what every model-level sum iterates over.
struct PlanCosts {
    struct Group {
        var layer: Layer
        var cost: LayerCost
        var count: Int128
    }

    let spec: ArchitectureSpec
    let plan: LayerPlan
    /// One group per plan kind, in the plan's order: `groups[i]` is `plan.kinds[i]` (every kind occurs).
    let groups: [Group]
    /// The prediction layers' costs, one copy (`nil` without MTP layers).
    let mtp: (cost: LayerCost, count: Int128)?

    init(_ spec: ArchitectureSpec) throws(CostError) {
        let plan: LayerPlan
        do { plan = try spec.plan } catch { throw .layout(error.description) }
        try self.init(spec, plan: plan)
    }

    init(_ spec: ArchitectureSpec, plan: LayerPlan) throws(CostError) {
        self.spec = spec
        self.plan = plan
        var groups: [Group] = []
        for (layer, count) in plan.groups {
            groups.append(Group(layer: layer, cost: try LayerCost(layer, hidden: spec.hiddenSize, norm: spec.norm),
                                count: Int128(size: count)))
        }
        self.groups = groups
        mtp = try plan.mtp.map { m throws(CostError) in
            (cost: try LayerCost(m.layer, hidden: spec.hiddenSize, norm: spec.norm), count: Int128(size: m.count))
        }
    }

    /// Σ count x `value(cost)` over the layers, checked.
    func sum(_ term: String, _ value: (LayerCost) throws(CostError) -> Int128) throws(CostError) -> Int128 {
        var total: Int128 = 0
        for group in groups {
            total = try Checked.add(total, try Checked.mul(group.count, try value(group.cost), term: term), term: term)
        }
        return total
    }

    /// Σ count x `value(attention)` over the attention layers.
    func sumAttention(_ term: String, _ value: (AttentionMixer, LayerCost) throws(CostError) -> Int128)
        throws(CostError) -> Int128 {
        try sum(term) { (cost: LayerCost) throws(CostError) -> Int128 in
            guard let a = cost.attention else { return 0 }
            return try value(a, cost)
        }
    }

    var lmHeadMatrices: Int128 {
        get throws(CostError) {
            try Checked.mul(Int128(size: spec.vocabSize), Int128(size: spec.hiddenSize), term: "lm_head parameters")
        }
    }
}
