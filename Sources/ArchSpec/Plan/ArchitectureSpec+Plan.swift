extension ArchitectureSpec {
    /// The layer plan: what every layer computes, the one description of the layers that every consumer reads.
    public var plan: LayerPlan {
        get throws(PlanError) { try LayerPlan(self) }
    }
}
