/// Lints one file's bytes: compose, load, map loader problems to rules, run the rules, apply suppressions.
///
/// Every stage is linear in the file (see docs/hardening.md, "Lint: complexity of each stage"); at most
/// `maxFindingsPerFile` findings are kept, then one note counts the rest.
public enum FileLinter {
    /// Findings kept per file; past it one `input-limits` note says how many more there were (as ruff's
    /// summary does), with the highest severity among them so the exit code is unchanged.
    public static let maxFindingsPerFile = 1_000

    /// Lints one file.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - file: The path to report.
    ///   - settings: Effective settings for this file.
    ///   - explicit: Whether the user named the file; files found by a directory scan are skipped unless they
    ///     carry an `archspec:` key.
    ///   - outside: Findings of rules that look beyond the file (a checkpoint beside it), filtered, suppressed
    ///     and re-levelled like the file's own.
    /// - Returns: The file's report; never throws.
    public static func lint(bytes: [UInt8], file: String, settings: LintSettings, explicit: Bool,
                            outside: (@Sendable (String) -> [Diagnostic])? = nil) -> FileReport {
        let isHFName = PathText.baseName(file) == "config.json"
        if !explicit, !SpecDetection.mayBeSpec(bytes, huggingFace: isHFName) { return FileReport(path: file, status: .skipped) }
        let document: YAMLDocument
        do {
            document = try YAMLComposer.compose(bytes)
        } catch {
            let rule = composeRule(for: error)
            let diagnostic = Diagnostic(
                severity: settings.severity(of: rule), code: rule.diagnosticCode, message: error.message, file: file,
                location: error.location)
            var cursor = SourceText.Cursor(SourceText(bytes: bytes))
            return FileReport(path: file, status: .linted, findings: [finish(diagnostic, cursor: &cursor)])
        }
        if !explicit, !SpecDetection.isSpec(document, huggingFace: isHFName) { return FileReport(path: file, status: .skipped) }
        let result = SpecDocumentLoader.load(document: document, file: file)
        let context = LintContext(file: file, result: result, settings: settings)
        let source = SourceText(bytes: bytes, lines: document.lines)
        var suppressions = Suppressions(comments: document.comments, source: source, file: file)
        let beyond = (outside?(file) ?? []).filter { settings.enabled.contains($0.code.rawValue) }
        var findings = suppressions.filter(RuleRunner.findings(context) + beyond) { suppressibleCodes.contains($0) }
        findings += suppressions.closingFindings(enabled: settings.enabled).filter { settings.enabled.contains($0.code.rawValue) }
        let ordered = findings.map { finding -> Diagnostic in
            var finding = finding
            if let level = settings.severities[finding.code.rawValue] { finding.severity = level }
            return finding
        }.sorted(by: Self.order)
        var cursor = SourceText.Cursor(source)
        var kept = ordered.prefix(maxFindingsPerFile).map { finish($0, cursor: &cursor) }
        if let note = omittedNote(ordered.dropFirst(maxFindingsPerFile), file: file) { kept.append(note) }
        return FileReport(path: file, status: .linted, findings: kept)
    }

    /// The rule a composer failure belongs to.
    static func composeRule(for error: YAMLError) -> RuleDescription {
        switch error {
        case .aliasExpansion, .tooDeep, .tooLarge: InputLimitsRule.description
        case .syntax, .notText, .multipleDocuments: YAMLSyntaxRule.description
        }
    }

    static let suppressibleCodes = Set(RuleCatalog.descriptions.filter(\.suppressible).map(\.code))
    static let rules = Dictionary(uniqueKeysWithValues: RuleCatalog.descriptions.map { ($0.diagnosticCode, $0) })

    /// The rule a finding belongs to. Every finding carries a rule's code once `RuleRunner` has mapped the
    /// loader's problems; anything else is reported under the catch-all consistency rule.
    static func rule(of diagnostic: Diagnostic) -> RuleDescription {
        rules[diagnostic.code] ?? InconsistentSpecRule.description
    }

    /// Adds the rule, end column and source line; `cursor` makes findings in location order cost one
    /// pass over each line.
    static func finish(_ diagnostic: Diagnostic, cursor: inout SourceText.Cursor) -> LintFinding {
        let rule = rule(of: diagnostic)
        let source = cursor.source
        guard let location = diagnostic.location, let range = source.range(ofLine: location.line) else {
            return LintFinding(diagnostic: diagnostic, rule: rule)
        }
        // Suppression findings (AC9xx) point at a comment, which runs to the end of the line.
        let end = rule.category == .meta
            ? SourceLocation(line: location.line, column: max(location.column + 1, cursor.scalarCount(line: location.line) + 1))
            : source.tokenEnd(at: location, cursor: &cursor)
        // A snippet only for lines of at most 500 scalars (4 bytes each at most: checked before decoding).
        // No snippet for a file that is not a spec (AC010): it may be any file a symlink or a path names, and
        // its content is not the user's to echo.
        var snippet: String?
        if diagnostic.code != NotASpecRule.description.diagnosticCode, range.count <= 2_000, let line = source.line(location.line), line.unicodeScalars.count <= 500 { snippet = line }
        return LintFinding(diagnostic: diagnostic, rule: rule, end: end, sourceLine: snippet)
    }

    /// One note for the findings past the cap, at the first one's location and with their highest severity.
    static func omittedNote(_ omitted: ArraySlice<Diagnostic>, file: String) -> LintFinding? {
        guard let first = omitted.first, let severity = omitted.map(\.severity).max() else { return nil }
        let rule = InputLimitsRule.description
        let message = "\(omitted.count) more findings not shown (the limit is \(maxFindingsPerFile) per file)"
        let diagnostic = Diagnostic(severity: severity, code: rule.diagnosticCode, message: message, file: file, location: first.location)
        return LintFinding(diagnostic: diagnostic, rule: rule)
    }

    static func order(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let left = a.location ?? SourceLocation(line: 0, column: 0)
        let right = b.location ?? SourceLocation(line: 0, column: 0)
        if left != right { return left < right }
        return a.code < b.code
    }
}
