/// Why a serving plan could not be computed (as opposed to "no deployment meets the targets", which is an
/// answer: `ServingPlan.best == nil` with the reasons).
public enum ServingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A length distribution did not parse.
    case invalidDistribution(String)
    /// An option is out of range or contradicts another.
    case invalidOption(String)
    /// The sizing model refused the spec or a count overflowed.
    case sizing(SizingError)

    public var description: String {
        switch self {
        case .invalidDistribution(let message): "length distribution \(message)"
        case .invalidOption(let message): message
        case .sizing(let error): error.description
        }
    }
}
