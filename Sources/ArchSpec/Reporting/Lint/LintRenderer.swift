/// The output formats of `archcalc lint`. One renderer per file; every renderer reads the same `LintRun`.
public enum LintFormat: String, Codable, ReportFormat {
    case text, json, sarif, github

    /// The renderer for this format; json and sarif write `options.toolVersion`.
    public func renderer(_ options: RenderOptions) -> any Renderer<LintRun> {
        switch self {
        case .text: TextLintRenderer()
        case .json: JSONLintRenderer(toolVersion: options.toolVersion)
        case .sarif: SARIFLintRenderer(toolVersion: options.toolVersion)
        case .github: GitHubLintRenderer()
        }
    }

    /// The renderer for this format, writing `toolVersion` into json and sarif.
    public func renderer(toolVersion: String) -> any Renderer<LintRun> { renderer(RenderOptions(toolVersion: toolVersion)) }
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

extension LintRun {
    /// `file` as CI tools should name it: relative to the repository root and normalised when the run has one.
    public func ciPath(_ file: String) -> String { repositoryRoot?.reference(file) ?? file }
}
