/// Turns a lint run into one output format. One renderer per file; every renderer reads the same values.
public protocol LintRenderer: Sendable {
    func render(_ run: LintRun) -> String
}

/// The output formats of `archcalc lint`.
public enum LintFormat: String, Hashable, Codable, Sendable, CaseIterable {
    case text, json, sarif, github

    /// The renderer for this format.
    ///
    /// - Parameter toolVersion: archcalc's version, written into json and sarif.
    public func renderer(toolVersion: String) -> any LintRenderer {
        switch self {
        case .text: TextLintRenderer()
        case .json: JSONLintRenderer(toolVersion: toolVersion)
        case .sarif: SARIFLintRenderer(toolVersion: toolVersion)
        case .github: GitHubLintRenderer()
        }
    }
}

extension LintRun {
    /// `12 files linted, 2 skipped: 2 errors, 1 warning, 0 info`.
    public var summaryLine: String {
        let errors = count(.error), warnings = count(.warning), infos = count(.info)
        let files = lintedCount == 1 ? "1 file" : "\(lintedCount) files"
        let problems = errors + warnings + infos == 0
            ? "no problems"
            : "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(infos) info"
        return "\(files) linted, \(skippedCount) skipped: \(problems)"
    }
}

extension LintFinding {
    /// RFC 6901 pointer for the key path (`attention.kv_heads` -> `/attention/kv_heads`), or `nil`.
    public var pointer: String? {
        guard let path = diagnostic.keyPath, !path.isEmpty else { return nil }
        // `attention.full_layers[2]` -> `/attention/full_layers/2`.
        let dotted = path.replacingAll("[", with: ".").replacingAll("]", with: "")
        return dotted.split(separator: ".").map { part in
            "/" + part.replacingAll("~", with: "~0").replacingAll("/", with: "~1")
        }.joined()
    }
}

extension StringProtocol {
    /// Every occurrence of one character replaced with a string (no Foundation).
    func replacingAll(_ character: Character, with replacement: String) -> String {
        var result = ""
        for current in self {
            if current == character { result += replacement } else { result.append(current) }
        }
        return result
    }
}
