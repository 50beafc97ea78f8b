/// JSON: `{"version": 1, "context", "context_basis", "batch", "models": [{"model", "source"}], "metrics": [...],
/// "warnings"}`, exact values and differences from the first model. docs/json.md documents the shape.
public struct JSONComparisonRenderer: Renderer {
    /// The version of this document's shape.
    public static let version = 1

    public init() {}

    public func render(_ comparison: Comparison) -> String {
        Self.document(comparison).rendered() + "\n"
    }

    /// The document as a JSON tree.
    public static func document(_ comparison: Comparison) -> JSONValue {
        let models = comparison.reports.map { report in
            JSONValue.object([("model", .string(report.estimate.name)), ("source", .string(report.source))])
        }
        let metrics = comparison.rows.map { row in
            JSONValue.object([
                ("metric", .string(row.metric.rawValue)),
                ("values", .array(row.values.map { .int($0) })),
                ("differences", .array(row.differences.map { .int($0) })),
            ])
        }
        var fields: [(String, JSONValue)] = [
            ("version", .int(version)), ("context", .int(comparison.context)),
            ("context_basis", .string(comparison.basis.rawValue)), ("batch", .int(comparison.batch)),
            ("models", .array(models)), ("metrics", .array(metrics)),
            ("warnings", .array(comparison.warnings.map { .string($0) })),
        ]
        if !comparison.notes.isEmpty { fields.append(("notes", .array(comparison.notes.map { .string($0) }))) }
        return .object(fields)
    }
}
