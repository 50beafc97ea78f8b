/// Text: one line per rule, or one rule with its rationale and examples.
public struct TextRulesRenderer: Renderer {
    public init() {}

    public func render(_ selection: RuleSelection) -> String {
        guard selection.isSingleRule, let rule = selection.rules.first else { return RuleDocs.list(selection.rules) }
        return RuleDocs.explain(rule)
    }
}
