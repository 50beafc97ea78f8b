/// Where a comparison's context came from.
public enum ContextBasis: String, Hashable, Codable, Sendable {
    /// `--context`: the user's.
    case requested
    /// No `--context`: the smallest `context_length` of the compared specs, so every spec is within its limit.
    case smallestContextLength = "smallest_context_length"
    /// No `--context`, one spec against a variant of itself (`estimate --prune-heads`): its `context_length`.
    case specContextLength = "context_length"

    /// What the outputs' context line says about where the context came from.
    public var phrase: String {
        switch self {
        case .requested: "--context"
        case .smallestContextLength: "the smallest context_length of the specs; --context sets another"
        case .specContextLength: "the spec's context_length; --context sets another"
        }
    }
}
