/// JSON: `{"version": 1, "pruned": [{"model", "source", "heads", "kv_heads", "before", "after", "differences"}]}`:
/// per spec, what pruning did, both estimates in `estimate`'s object shape, and the pruned minus the unpruned
/// value of every compared metric. docs/json.md documents the shape.
public struct JSONPruneHeadsRenderer: Renderer {
    /// The version of this document's shape.
    public static let version = 1

    public init() {}

    public func render(_ run: HeadPruningRun) -> String {
        JSONValue.object([
            ("version", .int(Self.version)),
            ("pruned", .array(run.items.map(Self.item))),
        ]).rendered() + "\n"
    }

    static func item(_ item: HeadPruningRun.Item) -> JSONValue {
        let s = item.summary
        let reports = item.comparison.reports
        return .object([
            ("model", .string(reports.first?.estimate.name ?? "")),
            ("source", .string(item.source)),
            ("heads", .object([("requested", .int(s.requested)), ("removed", .int(s.removed)),
                               ("before", .int(s.headsBefore)), ("after", .int(s.headsAfter))])),
            ("kv_heads", .object([("before", .int(s.kvHeadsBefore)), ("after", .int(s.kvHeadsAfter))])),
            ("before", reports.first.map(JSONEstimateRenderer.object) ?? .null),
            ("after", reports.count > 1 ? JSONEstimateRenderer.object(reports[1]) : .null),
            ("differences", .object(item.comparison.rows.map { row in
                (row.metric.rawValue, .int(row.differences.count > 1 ? row.differences[1] : 0))
            })),
        ])
    }
}
