/// The outcome of `archcalc estimate --prune-heads`: each spec against its pruned version.
public struct HeadPruningRun: Sendable {
    /// One spec and its pruned version.
    public struct Item: Sendable {
        /// The spec file as the user named it.
        public var source: String
        /// What pruning did.
        public var summary: HeadPruning.Summary
        /// The unpruned estimate first, the pruned one second; the note states what pruning did.
        public var comparison: Comparison
    }

    /// One item per spec that could be pruned and estimated, in argument order.
    public var items: [Item]
    /// Every problem found, in argument order.
    public var diagnostics: [Diagnostic]
    /// Whether any spec could not be loaded, pruned or estimated.
    public var failed: Bool
}
