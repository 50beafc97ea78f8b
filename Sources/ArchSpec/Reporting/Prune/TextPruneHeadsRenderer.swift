/// Text: each spec's comparison with its pruned version (`TextComparisonRenderer`), one after another; the note
/// under each table says what pruning did.
public struct TextPruneHeadsRenderer: Renderer {
    /// Exact integers and absolute differences instead of human units.
    public var exact: Bool

    public init(exact: Bool = false) { self.exact = exact }

    public func render(_ run: HeadPruningRun) -> String {
        let each = TextComparisonRenderer(exact: exact)
        return run.items.map { each.render($0.comparison) }.joined(separator: "\n")
    }
}
