/// Optimal-string-alignment edit distance for every "did you mean" hint: spec keys, values, config keys,
/// rule selectors and hardware ids.
public enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars.prefix(64)), b = Array(b.unicodeScalars.prefix(64))
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    /// The candidate nearest to `word` within a distance of max(2, length / 3), or `nil`.
    public static func nearest(to word: String, among candidates: [String]) -> String? {
        var best: (String, Int)?
        // The distance is at least the length difference; a candidate whose difference exceeds every
        // candidate's threshold can neither be returned nor beat one that could (same result, less work).
        let lowered = word.lowercased()
        let length = min(lowered.unicodeScalars.count, 64)
        let ceiling = candidates.map { max(2, $0.count / 3) }.max() ?? 0
        for candidate in candidates {
            let other = candidate.lowercased()
            if abs(length - min(other.unicodeScalars.count, 64)) > ceiling { continue }
            let distance = between(lowered, other)
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best, distance <= max(2, candidate.count / 3) else { return nil }
        return candidate
    }
}
