/// JSON: `{"version": 1, "model", "parameters", "context", ..., "prefill": {"predicted_s", "measured_s", "error"},
/// "decode": {...}, ...}` (decode per step). docs/json.md documents the shape.
public struct JSONValidationRenderer: Renderer {
    /// The version of this document's shape.
    public static let version = 1

    public init() {}

    public func render(_ report: ValidationReport) -> String { report.json.rendered() + "\n" }
}
