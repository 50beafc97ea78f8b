/// Why a hardware profile could not be found, read or accepted.
public enum HardwareError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No built-in profile has this id; `suggestions` are the closest ids.
    case unknownID(String, suggestions: [String])
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file is not valid YAML, or a value has the wrong type or unit.
    case malformed(path: String, line: Int?, column: Int?, message: String)
    /// The profile parsed but a figure is out of range (zero memory, efficiency above 1).
    case invalid(path: String, line: Int?, column: Int?, message: String)

    public var description: String {
        switch self {
        case .unknownID(let id, let suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
            return "unknown hardware '\(id)'\(hint) (run 'archcalc hardware list', or pass a profile .yaml file)"
        case .unreadable(let path, let reason):
            return reason.hasPrefix(path) ? "cannot read hardware profile \(reason)"
                : "\(path): cannot read hardware profile: \(reason)"
        case .malformed(let path, let line, let column, let message), .invalid(let path, let line, let column, let message):
            return "\(Self.location(path, line, column)): \(message)"
        }
    }

    static func location(_ path: String, _ line: Int?, _ column: Int?) -> String {
        guard let line else { return path }
        return "\(path):\(line):\(column ?? 1)"
    }
}
