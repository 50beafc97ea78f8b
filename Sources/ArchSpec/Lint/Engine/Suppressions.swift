/// A file's suppression comments as scopes (line ranges per directive), and the findings about the comments
/// themselves (unknown directives and rules).
///
/// Built in one pass over the comments: standalone `ignore` targets come from a next-code-line table built
/// once, and `enable` closes its blocks through a table keyed by selector list, so the cost is linear in the
/// file whatever the number of directives. `SuppressionSweep` applies the scopes to the findings.
struct Suppressions {
    struct Scope {
        var directive: Int
        var lines: ClosedRange<Int>
    }

    private(set) var directives: [SuppressionDirective] = []
    private(set) var scopes: [Scope] = []
    /// Per directive, the selector texts that silenced a finding.
    var used: [Set<String>] = []
    /// Per directive without selectors, whether it silenced a finding.
    var usedBlanket: [Bool] = []
    private(set) var metaFindings: [Diagnostic] = []
    let file: String

    /// Distinct unknown selectors that get a "did you mean" hint; later ones are reported without one.
    static let maxHints = 100

    init(comments: [YAMLDocument.Comment], source: SourceText, file: String) {
        self.file = file
        let lastLine = Int.max
        var nextCode: [Int]?
        var open: [[String]: [Int]] = [:]
        var codes: [String: Set<String>] = [:]
        var hints: [String: String] = [:]
        for comment in comments where comment.text.contains(SuppressionDirective.prefix) {
            switch SuppressionDirective.parse(comment, codes: &codes) {
            case .notADirective:
                continue
            case .unknownDirective(let word):
                let kinds = SuppressionDirective.Kind.allCases.map(\.rawValue)
                let hint = EditDistance.nearest(to: word, among: kinds).map { "; did you mean \($0)?" } ?? ""
                metaFindings.append(meta(UnknownRuleInSuppressionRule.description,
                    "unknown suppression directive '\(Escaping.short(word))'\(hint)", at: comment.location))
            case .directive(let directive):
                let index = directives.count
                directives.append(directive)
                used.append([])
                usedBlanket.append(false)
                for selector in directive.selectors where selector.codes.isEmpty {
                    // Hints cost an edit distance per rule: computed once per text, for the first texts only.
                    if hints[selector.text] == nil, hints.count < Self.maxHints {
                        hints[selector.text] = RuleCatalog.suggestion(for: selector.text).map { "; did you mean \($0)?" } ?? ""
                    }
                    let hint = hints[selector.text] ?? ""
                    metaFindings.append(meta(UnknownRuleInSuppressionRule.description,
                        "suppression names unknown rule '\(Escaping.short(selector.text))'\(hint)", at: directive.location))
                }
                let line = directive.location.line
                switch directive.kind {
                case .ignore:
                    var target = line
                    if !directive.isTrailing {
                        if nextCode == nil { nextCode = source.nextCodeLines() }
                        let next = line + 1 < nextCode!.count ? nextCode![line + 1] : Int.max
                        target = next <= source.lines.count ? next : line + 1
                    }
                    scopes.append(Scope(directive: index, lines: target...target))
                case .fileIgnore:
                    scopes.append(Scope(directive: index, lines: 1...lastLine))
                case .disable:
                    open[directive.selectors.map(\.text), default: []].append(index)
                case .enable:
                    let closed: [Int]
                    if directive.selectors.isEmpty {
                        closed = open.values.flatMap { $0 }
                        open = [:]
                    } else {
                        closed = open.removeValue(forKey: directive.selectors.map(\.text)) ?? []
                    }
                    for block in closed {
                        let start = directives[block].location.line
                        scopes.append(Scope(directive: block, lines: start...max(line, start)))
                    }
                }
            }
        }
        for block in open.values.joined() {
            scopes.append(Scope(directive: block, lines: directives[block].location.line...lastLine))
        }
    }

    /// AC901 for selectors that silenced nothing (and whose rules ran), AC903 for directives without a reason.
    func closingFindings(enabled: Set<String>) -> [Diagnostic] {
        var findings = metaFindings
        for (index, directive) in directives.enumerated() where directive.kind != .enable {
            if directive.reason == nil {
                findings.append(meta(SuppressionWithoutReasonRule.description,
                    "suppression has no reason; append ' - reason'", at: directive.location))
            }
            if directive.selectors.isEmpty {
                if !usedBlanket[index] {
                    findings.append(meta(UnusedSuppressionRule.description, "suppression silenced no finding",
                                         at: directive.location))
                }
                continue
            }
            for selector in directive.selectors where !selector.codes.isEmpty && !used[index].contains(selector.text) {
                guard !selector.codes.isDisjoint(with: enabled) else { continue }
                findings.append(meta(UnusedSuppressionRule.description,
                    "suppression of \(Escaping.short(selector.text)) silenced no finding", at: directive.location))
            }
        }
        return findings
    }

    private func meta(_ rule: RuleDescription, _ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(severity: rule.severity, code: rule.diagnosticCode, message: message, file: file, location: location)
    }
}
