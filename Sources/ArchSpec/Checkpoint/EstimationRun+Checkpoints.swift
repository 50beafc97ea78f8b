extension EstimationRun {
    /// The whole `estimate` output in `format` (see `EstimateFormat`).
    public func rendered(_ format: EstimateFormat, exact: Bool) -> String {
        format.render(self, RenderOptions(exact: exact))
    }
}
