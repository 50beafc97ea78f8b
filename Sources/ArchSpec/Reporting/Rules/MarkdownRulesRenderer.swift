/// Markdown: the whole catalog (the source of docs/rules.md), or one rule's section of it.
public struct MarkdownRulesRenderer: Renderer {
    public init() {}

    public func render(_ selection: RuleSelection) -> String {
        guard selection.isSingleRule, let rule = selection.rules.first else { return RuleDocs.markdown(selection.rules) }
        return String(RuleDocs.section(rule).dropFirst())
    }
}
