/// Lints one file's bytes: compose, load, map loader problems to rules, run the rules, apply suppressions.
public enum FileLinter {
    /// Lints one file.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - file: The path to report.
    ///   - settings: Effective settings for this file.
    ///   - explicit: Whether the user named the file; files found by a directory scan are skipped unless they
    ///     carry an `archspec:` key.
    /// - Returns: The file's report; never throws.
    public static func lint(bytes: [UInt8], file: String, settings: LintSettings, explicit: Bool) -> FileReport {
        let isHFName = PathText.baseName(file) == "config.json"
        if !explicit, !SpecDetection.mayBeSpec(bytes, huggingFace: isHFName) { return FileReport(path: file, status: .skipped) }
        let source = SourceText(bytes: bytes)
        let document: YAMLDocument
        do {
            document = try YAMLComposer.compose(bytes)
        } catch {
            let rule = composeRule(for: error)
            let diagnostic = Diagnostic(
                severity: settings.severity(of: rule), code: rule.code, message: error.message, file: file,
                location: error.location)
            return FileReport(path: file, status: .linted, findings: [finish(diagnostic, source: source)])
        }
        if !explicit, !SpecDetection.isSpec(document, huggingFace: isHFName) { return FileReport(path: file, status: .skipped) }
        let result = SpecLoader.load(document: document, file: file)
        let context = LintContext(file: file, result: result, settings: settings)
        var findings = RuleRunner.findings(context)
        var suppressions = Suppressions(comments: document.comments, source: source, file: file)
        findings.removeAll { finding in
            guard let rule = RuleCatalog.description(for: finding.code), rule.suppressible else { return false }
            return suppressions.suppresses(finding)
        }
        findings += suppressions.closingFindings(enabled: settings.enabled).filter { settings.enabled.contains($0.code) }
        let ordered = findings.map { finding -> Diagnostic in
            var finding = finding
            if let level = settings.severities[finding.code] { finding.severity = level }
            return finding
        }.sorted(by: Self.order)
        return FileReport(path: file, status: .linted, findings: ordered.map { finish($0, source: source) })
    }

    /// The rule a composer failure belongs to.
    static func composeRule(for error: YAMLError) -> RuleDescription {
        switch error {
        case .aliasExpansion, .tooDeep, .tooLarge: InputLimitsRule.description
        case .syntax, .notText, .multipleDocuments: YAMLSyntaxRule.description
        }
    }

    /// Adds the rule name, end column and source line.
    static func finish(_ diagnostic: Diagnostic, source: SourceText) -> LintFinding {
        let name = RuleCatalog.description(for: diagnostic.code)?.name ?? diagnostic.code
        guard let location = diagnostic.location, let line = source.line(location.line) else {
            return LintFinding(diagnostic: diagnostic, ruleName: name)
        }
        // Suppression findings (AC9xx) point at a comment, which runs to the end of the line.
        let end = diagnostic.code.hasPrefix("AC9")
            ? SourceLocation(line: location.line, column: max(location.column + 1, line.unicodeScalars.count + 1))
            : SourceText.tokenEnd(on: line, at: location)
        return LintFinding(
            diagnostic: diagnostic, ruleName: name, end: end,
            sourceLine: line.unicodeScalars.count > 500 ? nil : line)
    }

    static func order(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let left = a.location ?? SourceLocation(line: 0, column: 0)
        let right = b.location ?? SourceLocation(line: 0, column: 0)
        if left != right { return left < right }
        return a.code < b.code
    }
}
