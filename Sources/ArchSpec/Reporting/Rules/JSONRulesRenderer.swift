/// JSON: `{"version": 1, "rules": [{"code", "name", "severity", "category", "summary", ...}]}`, one rule or the
/// catalog; `help_uri` is the rule's anchor in docs/rules.md. docs/json.md documents the shape.
public struct JSONRulesRenderer: Renderer {
    /// The version of this document's shape.
    public static let version = 1

    public init() {}

    public func render(_ selection: RuleSelection) -> String {
        JSONValue.object([("version", .int(Self.version)), ("rules", .array(selection.rules.map(Self.rule)))]).rendered() + "\n"
    }

    static func rule(_ rule: RuleDescription) -> JSONValue {
        func examples(_ list: [RuleExample]) -> JSONValue {
            .array(list.map { example in
                .object([("text", .string(example.text)),
                         ("serving_context", example.servingContext.map { .int($0) } ?? .null)])
            })
        }
        return .object([
            ("code", .string(rule.code)), ("name", .string(rule.name)), ("severity", .string(rule.severity.rawValue)),
            ("category", .string(rule.category.rawValue)), ("summary", .string(rule.summary)),
            ("rationale", .string(rule.rationale)), ("source", .string(rule.source)),
            ("suppressible", .bool(rule.suppressible)), ("enabled_by_default", .bool(rule.enabledByDefault)),
            ("help_uri", .string(RuleDocs.helpURI(rule))),
            ("triggering", examples(rule.triggering)), ("non_triggering", examples(rule.nonTriggering)),
        ])
    }
}
