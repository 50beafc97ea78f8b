/// Applies suppression scopes to findings in one sweep over lines: O((findings + scopes × codes) log n),
/// where the old per-finding scan of every scope was findings × scopes.
extension Suppressions {
    /// The findings left after suppression, in their original order; records which directives were used.
    ///
    /// - Parameters:
    ///   - findings: Every finding of the file.
    ///   - suppressible: Whether a rule code may be silenced (others are kept and never mark a directive used).
    mutating func filter(_ findings: [Diagnostic], suppressible: (String) -> Bool) -> [Diagnostic] {
        let candidates = findings.indices.filter { findings[$0].location != nil && suppressible(findings[$0].code.rawValue) }
        guard !scopes.isEmpty, !candidates.isEmpty else { return findings }
        let line = { (index: Int) in findings[index].location!.line }
        // Sweep: scopes open at their first line and close after their last; a finding is silenced when an
        // open scope covers its code.
        var events: [(line: Int, delta: Int, scope: Int)] = []
        for (index, scope) in scopes.enumerated() {
            events.append((scope.lines.lowerBound, 1, index))
            if scope.lines.upperBound < Int.max { events.append((scope.lines.upperBound + 1, -1, index)) }
        }
        events.sort { $0.line < $1.line }
        let byLine = candidates.sorted { line($0) < line($1) }
        let covered = directives.map { directive in directive.selectors.reduce(into: Set<String>()) { $0.formUnion($1.codes) } }
        var blanket = 0
        var perCode: [String: Int] = [:]
        var silenced = [Bool](repeating: false, count: findings.count)
        var next = 0
        for index in byLine {
            while next < events.count, events[next].line <= line(index) {
                let event = events[next]
                let directive = scopes[event.scope].directive
                if directives[directive].selectors.isEmpty {
                    blanket += event.delta
                } else {
                    for code in covered[directive] { perCode[code, default: 0] += event.delta }
                }
                next += 1
            }
            silenced[index] = blanket > 0 || perCode[findings[index].code.rawValue, default: 0] > 0
        }
        markUsed(lines: byLine.map(line), codes: byLine.map { findings[$0].code.rawValue })
        return findings.indices.filter { !silenced[$0] }.map { findings[$0] }
    }

    /// Marks each selector (or blanket directive) that has a finding of its codes inside its scope, by binary
    /// search in the findings' sorted lines.
    private mutating func markUsed(lines: [Int], codes: [String]) {
        var linesByCode: [String: [Int]] = [:]
        for (line, code) in zip(lines, codes) { linesByCode[code, default: []].append(line) }
        for scope in scopes {
            let directive = directives[scope.directive]
            if directive.selectors.isEmpty {
                if Self.any(lines, in: scope.lines) { usedBlanket[scope.directive] = true }
                continue
            }
            var checked: Set<String> = []
            for selector in directive.selectors where checked.insert(selector.text).inserted {
                if selector.codes.contains(where: { Self.any(linesByCode[$0] ?? [], in: scope.lines) }) {
                    used[scope.directive].insert(selector.text)
                }
            }
        }
    }

    /// Whether sorted `lines` holds a value in `range`.
    static func any(_ lines: [Int], in range: ClosedRange<Int>) -> Bool {
        var low = 0, high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle] < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        return low < lines.count && lines[low] <= range.upperBound
    }
}
