/// A workload context longer than the model's `context_length`: positions past it were never trained (with
/// RoPE they give NaNs or garbage; a learned table has no row for them), so serving engines refuse it. Every
/// command that takes a context carries this in its result; `archcalc lint --context` reports it as AC501.
public struct ContextWarning: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The model it concerns (its spec name).
    public var model: String
    /// The context asked for, tokens per sequence.
    public var context: Int
    /// The model's `context_length`, tokens.
    public var limit: Int

    public init(model: String, context: Int, limit: Int) {
        self.model = model
        self.context = context
        self.limit = limit
    }

    /// The warning when `context` exceeds `limit`, else `nil`.
    public static func check(model: String, context: Int, limit: Int) -> ContextWarning? {
        context > limit ? ContextWarning(model: model, context: context, limit: limit) : nil
    }

    /// `context 32,768 exceeds the model's context_length 8,192 (AC501): positions past it are untrained`.
    public var description: String {
        "context \(HumanUnits.grouped(Int128(context))) exceeds the model's context_length "
            + "\(HumanUnits.grouped(Int128(limit))) (AC501): positions past it are untrained"
    }
}
