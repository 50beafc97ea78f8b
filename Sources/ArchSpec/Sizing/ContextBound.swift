/// What stopped the search for the longest context that fits at a batch.
public enum ContextBound: String, Hashable, Codable, Sendable {
    /// Memory: one more token would not fit.
    case memory
    /// The model's `context_length`: memory allows more, the model does not.
    case modelLimit = "model_limit"
    /// The requested context, which is past the model's `context_length` (a warning says so): the search goes
    /// no further than what was asked, and memory allows at least that.
    case requestedContext = "requested_context"

    /// The bound for a search that reached `best` of `1...searchLimit`, with the model's `contextLength`.
    static func of(best: Int, searchLimit: Int, contextLength: Int) -> ContextBound {
        guard best == searchLimit else { return .memory }
        return searchLimit == contextLength ? .modelLimit : .requestedContext
    }

    /// ` (model limit)`, ` (the requested context; the model's limit is 8192)` or nothing (memory).
    func suffix(contextLength: Int) -> String {
        switch self {
        case .memory: ""
        case .modelLimit: " (model limit)"
        case .requestedContext: " (the requested context, searched no further; the model's limit is \(contextLength))"
        }
    }
}
