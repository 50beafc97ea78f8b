/// Markdown: each spec's comparison with its pruned version (`MarkdownComparisonRenderer`), one after another.
public struct MarkdownPruneHeadsRenderer: Renderer {
    public init() {}

    public func render(_ run: HeadPruningRun) -> String {
        run.items.map { MarkdownComparisonRenderer().render($0.comparison) }.joined(separator: "\n")
    }
}
