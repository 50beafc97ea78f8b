/// Applies a file's suppression comments to its findings and reports unused and unknown suppressions.
struct Suppressions {
    private struct Scope {
        var directive: Int
        var lines: ClosedRange<Int>
    }

    private var directives: [SuppressionDirective] = []
    private var scopes: [Scope] = []
    private var used: [Set<String>] = []
    private var usedBlanket: [Bool] = []
    private(set) var metaFindings: [Diagnostic] = []
    let file: String

    init(comments: [YAMLDocument.Comment], source: SourceText, file: String) {
        self.file = file
        let lastLine = Int.max
        var openBlocks: [Int] = []
        for comment in comments where comment.text.contains(SuppressionDirective.prefix) {
            switch SuppressionDirective.parse(comment) {
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
                    let hint = RuleCatalog.suggestion(for: selector.text).map { "; did you mean \($0)?" } ?? ""
                    metaFindings.append(meta(UnknownRuleInSuppressionRule.description,
                        "suppression names unknown rule '\(Escaping.short(selector.text))'\(hint)", at: directive.location))
                }
                let line = directive.location.line
                switch directive.kind {
                case .ignore:
                    let target = directive.isTrailing ? line : source.nextCodeLine(after: line)
                    scopes.append(Scope(directive: index, lines: target...target))
                case .fileIgnore:
                    scopes.append(Scope(directive: index, lines: 1...lastLine))
                case .disable:
                    openBlocks.append(index)
                case .enable:
                    openBlocks.removeAll { open in
                        let closes = directive.selectors.isEmpty
                            || directives[open].selectors.map(\.text) == directive.selectors.map(\.text)
                        if closes {
                            scopes.append(Scope(directive: open, lines: directives[open].location.line...max(line, directives[open].location.line)))
                        }
                        return closes
                    }
                }
            }
        }
        for open in openBlocks {
            scopes.append(Scope(directive: open, lines: directives[open].location.line...lastLine))
        }
    }

    /// Whether a finding is silenced; records which directives were used.
    mutating func suppresses(_ finding: Diagnostic) -> Bool {
        guard let line = finding.location?.line else { return false }
        var hit = false
        for scope in scopes where scope.lines.contains(line) {
            let directive = directives[scope.directive]
            guard directive.covers(finding.code) else { continue }
            hit = true
            if directive.selectors.isEmpty { usedBlanket[scope.directive] = true }
            for selector in directive.selectors where selector.codes.contains(finding.code) {
                used[scope.directive].insert(selector.text)
            }
        }
        return hit
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
        Diagnostic(severity: rule.severity, code: rule.code, message: message, file: file, location: location)
    }
}

extension SourceText {
    /// The first line after `line` that holds something other than blanks or a comment.
    func nextCodeLine(after line: Int) -> Int {
        var current = line + 1
        while let text = self.line(current) {
            let trimmed = text.trimmingWhitespace
            if !trimmed.isEmpty, !trimmed.hasPrefix("#") { return current }
            current += 1
        }
        return line + 1
    }
}
