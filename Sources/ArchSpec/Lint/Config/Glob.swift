/// Path patterns for `exclude` and `per-file-ignores`: `*` (within a path segment), `**` (across segments),
/// `?`. A pattern without `/` matches at any depth; a pattern also matches everything below a matching
/// directory (`legacy` covers `legacy/a.yaml`).
public struct Glob: Hashable, Sendable {
    public let pattern: String
    private let scalars: [Unicode.Scalar]

    public init(_ pattern: String) {
        self.pattern = pattern
        var text = pattern.hasPrefix("./") ? String(pattern.dropFirst(2)) : pattern
        if text.hasSuffix("/") { text.removeLast() }
        if !text.contains("/") { text = "**/" + text }
        scalars = Array(text.unicodeScalars)
    }

    /// Whether `path` (relative, `/`-separated) or one of its parent directories matches.
    public func matches(_ path: String) -> Bool {
        let text = Array(path.unicodeScalars)
        if Self.match(scalars, text) { return true }
        for (index, scalar) in text.enumerated() where scalar == "/" {
            if Self.match(scalars, Array(text[..<index])) { return true }
        }
        return false
    }

    static func match(_ p: [Unicode.Scalar], _ t: [Unicode.Scalar]) -> Bool {
        var memo = [Int8](repeating: -1, count: (p.count + 1) * (t.count + 1))
        func go(_ i: Int, _ j: Int) -> Bool {
            let key = i * (t.count + 1) + j
            if memo[key] >= 0 { return memo[key] == 1 }
            var result = false
            if i == p.count {
                result = j == t.count
            } else if p[i] == "*", i + 1 < p.count, p[i + 1] == "*" {
                if i + 2 < p.count, p[i + 2] == "/" {
                    // `**/`: zero or more whole segments.
                    result = go(i + 3, j)
                    var k = j
                    while !result, k < t.count {
                        k += 1
                        if t[k - 1] == "/" { result = go(i + 3, k) }
                    }
                } else {
                    var k = j
                    while !result, k <= t.count {
                        result = go(i + 2, k)
                        k += 1
                    }
                }
            } else if p[i] == "*" {
                var k = j
                while true {
                    result = go(i + 1, k)
                    if result || k == t.count || t[k] == "/" { break }
                    k += 1
                }
            } else if j < t.count, p[i] == "?" ? t[j] != "/" : p[i] == t[j] {
                result = go(i + 1, j + 1)
            }
            memo[key] = result ? 1 : 0
            return result
        }
        return go(0, 0)
    }
}
