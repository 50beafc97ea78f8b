/// Path patterns for `exclude` and `per-file-ignores`: `*` (within a path segment), `**` (across segments;
/// `**/` is zero or more whole segments), `?` (one character other than `/`). A pattern without `/` matches
/// at any depth; a pattern also matches everything below a matching directory (`legacy` covers
/// `legacy/a.yaml`). A run of two or more `*` is one `**`.
///
/// Matching simulates the pattern as a small automaton over the path's characters, keeping the set of live
/// pattern positions: no recursion and no pattern x path table, O(pattern) memory and at most
/// O(pattern x path) steps (usually a few live positions per character). Patterns are limited to
/// `maxPatternBytes` and a configuration to `maxPatterns` of them (`ConfigReader` reports both, located).
/// Consecutive `**/` groups are one.
public struct Glob: Hashable, Sendable {
    /// Longest pattern accepted, UTF-8 bytes.
    public static let maxPatternBytes = 4_096
    /// Most patterns in one configuration file (`exclude` and `per-file-ignores` together).
    public static let maxPatterns = 1_000

    enum Step: Hashable, Sendable {
        case literal(Unicode.Scalar)
        /// `?`: one character other than `/`.
        case any
        /// `*`: any run of characters other than `/` (may be empty).
        case star
        /// `**` not followed by `/`: any run of characters (may be empty).
        case globstar
        /// Start of `**/`: either skips the group (the next `globstar` and `/`) or enters it.
        case optionalGroup
    }

    public let pattern: String
    let steps: [Step]

    public init(_ pattern: String) {
        self.pattern = pattern
        var text = pattern.hasPrefix("./") ? String(pattern.dropFirst(2)) : pattern
        if text.hasSuffix("/") { text.removeLast() }
        if !text.contains("/") { text = "**/" + text }
        steps = Self.compile(Array(text.unicodeScalars))
    }

    /// Why `pattern` is refused, or `nil` when it is within the limits.
    public static func problem(with pattern: String) -> String? {
        let bytes = pattern.utf8.count
        guard bytes > maxPatternBytes else { return nil }
        return "pattern is too long (\(bytes) bytes; the limit is \(maxPatternBytes) bytes)"
    }

    static func compile(_ scalars: [Unicode.Scalar]) -> [Step] {
        var steps: [Step] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "*":
                var run = 1
                while index < scalars.count, scalars[index] == "*" {
                    run += 1
                    index += 1
                }
                if run == 1 {
                    steps.append(.star)
                } else if index < scalars.count, scalars[index] == "/" {
                    index += 1
                    // `**/**/` is `**/`: a second group adds nothing, and chains of them would cost per character.
                    if !steps.suffix(3).elementsEqual([.optionalGroup, .globstar, .literal("/")]) {
                        steps += [.optionalGroup, .globstar, .literal("/")]
                    }
                } else {
                    steps.append(.globstar)
                }
            case "?": steps.append(.any)
            default: steps.append(.literal(scalar))
            }
        }
        return steps
    }

    /// Whether `path` (relative, `/`-separated) or one of its parent directories matches.
    public func matches(_ path: String) -> Bool {
        var live = LiveSet(count: steps.count + 1)
        live.add(0, steps)
        let accept = steps.count
        for scalar in path.unicodeScalars {
            if scalar == "/", live.contains(accept) { return true }
            let current = live.advance()
            guard !current.isEmpty else { return false }
            for state in current where state < accept {
                switch steps[state] {
                case .literal(let expected): if scalar == expected { live.add(state + 1, steps) }
                case .any: if scalar != "/" { live.add(state + 1, steps) }
                case .star: if scalar != "/" { live.add(state, steps) }
                case .globstar: live.add(state, steps)
                case .optionalGroup: break
                }
            }
        }
        return live.contains(accept)
    }
}

/// The live pattern positions before and after one character, deduplicated by generation stamps; buffers
/// are reused, so matching allocates only when it starts.
private struct LiveSet {
    private var stamps: [Int]
    private var generation = 1
    private var states: [Int] = []
    private var previous: [Int] = []
    private var pending: [Int] = []

    init(count: Int) { stamps = [Int](repeating: 0, count: count) }

    func contains(_ state: Int) -> Bool { stamps[state] == generation }

    /// Starts the next character: returns the live positions and clears the set.
    mutating func advance() -> [Int] {
        swap(&states, &previous)
        states.removeAll(keepingCapacity: true)
        generation += 1
        return previous
    }

    /// Adds `state` and every position reachable from it without reading a character.
    mutating func add(_ state: Int, _ steps: [Glob.Step]) {
        pending.append(state)
        while let next = pending.popLast() {
            guard stamps[next] != generation else { continue }
            stamps[next] = generation
            states.append(next)
            guard next < steps.count else { continue }
            switch steps[next] {
            case .star, .globstar: pending.append(next + 1)
            case .optionalGroup:
                pending.append(next + 1)
                pending.append(next + 3)
            case .literal, .any: break
            }
        }
    }
}
