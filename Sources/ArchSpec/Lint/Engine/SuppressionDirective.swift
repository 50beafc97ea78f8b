/// One `# archcalc: ...` comment, parsed.
///
/// Forms: `ignore[CODES]` (its own line, or the next code line when the comment stands alone),
/// `disable[CODES]` ... `enable[CODES]` (a block), `file-ignore[CODES]` (the whole file). Without `[...]` the
/// directive covers every suppressible rule. ` - reason` may follow.
struct SuppressionDirective: Hashable, Sendable {
    enum Kind: String, CaseIterable, Sendable {
        case ignore, disable, enable
        case fileIgnore = "file-ignore"
    }

    struct Selector: Hashable, Sendable {
        var text: String
        /// Codes it names; empty for an unknown selector.
        var codes: Set<String>
    }

    var kind: Kind
    /// Empty means every rule.
    var selectors: [Selector]
    var reason: String?
    var location: SourceLocation
    var isTrailing: Bool

    static let prefix = "archcalc:"

    enum Parsed {
        case directive(SuppressionDirective)
        /// A comment that starts with `archcalc:` but whose directive is unknown.
        case unknownDirective(String)
        case notADirective
    }

    /// Parses one comment; `codes` memoises selector lookups across a file's comments.
    static func parse(_ comment: YAMLDocument.Comment, codes: inout [String: Set<String>]) -> Parsed {
        let text = comment.text.trimmingWhitespace
        guard text.hasPrefix(prefix) else { return .notADirective }
        var rest = Substring(text.dropFirst(prefix.count)).drop { $0 == " " || $0 == "\t" }
        let word = rest.prefix { $0.isLetter || $0 == "-" }
        rest = rest.dropFirst(word.count)
        guard let kind = Kind(rawValue: String(word)) else { return .unknownDirective(String(word)) }
        var selectors: [Selector] = []
        if rest.first == "[" {
            let inside = rest.dropFirst().prefix { $0 != "]" }
            rest = rest.dropFirst(inside.count + 1)
            if rest.first == "]" { rest = rest.dropFirst() }
            for part in inside.split(separator: ",") {
                let name = String(part).trimmingWhitespace
                if name.isEmpty { continue }
                if codes[name] == nil { codes[name] = Set(RuleCatalog.codes(matching: name)) }
                selectors.append(Selector(text: name, codes: codes[name]!))
            }
        }
        var reason: String?
        let tail = String(rest).trimmingWhitespace
        if tail.hasPrefix("-") {
            let text = String(tail.drop { $0 == "-" }).trimmingWhitespace
            reason = text.isEmpty ? nil : text
        }
        return .directive(SuppressionDirective(
            kind: kind, selectors: selectors, reason: reason, location: comment.location, isTrailing: comment.isTrailing))
    }

    /// Whether the directive covers `code`.
    func covers(_ code: String) -> Bool {
        selectors.isEmpty || selectors.contains { $0.codes.contains(code) }
    }
}
