/// What `archcalc rules` shows: the whole catalog, or one rule explained.
public struct RuleSelection: Sendable {
    public var rules: [RuleDescription]
    /// Whether one rule was asked for by code or name (explained in full) rather than the catalog.
    public var isSingleRule: Bool

    /// Every rule.
    public static var catalog: RuleSelection { RuleSelection(rules: RuleCatalog.descriptions, isSingleRule: false) }

    /// One rule.
    public static func rule(_ rule: RuleDescription) -> RuleSelection { RuleSelection(rules: [rule], isSingleRule: true) }
}

/// The output formats of `archcalc rules`.
public enum RulesFormat: String, ReportFormat {
    case text, markdown, json

    public func renderer(_ options: RenderOptions) -> any Renderer<RuleSelection> {
        switch self {
        case .text: TextRulesRenderer()
        case .markdown: MarkdownRulesRenderer()
        case .json: JSONRulesRenderer()
        }
    }
}
