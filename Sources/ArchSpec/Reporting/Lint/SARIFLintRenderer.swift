/// SARIF 2.1.0 as GitHub code scanning accepts it: every rule in `tool.driver.rules` with help text, results
/// with ruleId, ruleIndex, level, message, a full region (start and end line and column), related locations
/// for notes, partialFingerprints, and `columnKind: unicodeCodePoints` (columns count Unicode scalars).
///
/// Artifact URIs are relative to the repository root (`uriBaseId` `%SRCROOT%`, whose absolute `file://` URI is in
/// `originalUriBaseIds`) and normalised, so one finding has one URI from any working directory; a file outside
/// the root gets an absolute `file://` URI. Fingerprints (`SARIFFingerprint`) are unique within a log and stable
/// across invocations. Each rule's `helpUri` is its anchor in docs/rules.md.
public struct SARIFLintRenderer: Renderer {
    /// The `uriBaseId` of every path inside the repository root.
    public static let rootBaseID = "%SRCROOT%"

    public let toolVersion: String

    public init(toolVersion: String) { self.toolVersion = toolVersion }

    public func render(_ run: LintRun) -> String {
        let rules = RuleCatalog.descriptions
        var index: [String: Int] = [:]
        for (position, rule) in rules.enumerated() { index[rule.code] = position }
        let driver = JSONValue.object([
            ("name", .string("archcalc")),
            ("semanticVersion", .string(toolVersion)),
            ("rules", .array(rules.map(Self.rule))),
        ])
        var fingerprints = SARIFFingerprint.Counter()
        let results = run.findings.map { finding in
            Self.result(finding, ruleIndex: index[finding.diagnostic.code.rawValue], run: run,
                        fingerprint: fingerprints.next(finding, path: run.ciPath(finding.diagnostic.file)))
        }
        var members: [(String, JSONValue)] = [("tool", .object([("driver", driver)]))]
        if let root = run.repositoryRoot {
            members.append(("originalUriBaseIds", .object([
                (Self.rootBaseID, .object([("uri", .string(URIText.directory(root.path)))])),
            ])))
        }
        let sarifRun = JSONValue.object(members + [
            ("invocations", .array([.object([
                ("executionSuccessful", .bool(run.ioErrors.isEmpty)),
                ("toolExecutionNotifications", .array(run.ioErrors.map { error in
                    .object([("level", .string("error")), ("message", .object([("text", .string(error.description))]))])
                })),
            ])])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ])
        let log = JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([sarifRun])),
        ])
        return log.rendered() + "\n"
    }

    static func text(_ value: String) -> JSONValue { .object([("text", .string(value))]) }

    /// GitHub limits descriptions to 1024 characters.
    static func limited(_ value: String) -> String {
        value.unicodeScalars.count <= 1024 ? value : String(String.UnicodeScalarView(value.unicodeScalars.prefix(1021))) + "..."
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func rule(_ rule: RuleDescription) -> JSONValue {
        let help = "\(rule.rationale)\n\nSource: \(rule.source)\n\nRun `archcalc rules \(rule.code)` for examples."
        return .object([
            ("id", .string(rule.code)),
            ("name", .string(rule.name)),
            ("shortDescription", text(limited(rule.summary))),
            ("fullDescription", text(limited(rule.rationale))),
            ("helpUri", .string(RuleDocs.helpURI(rule))),
            ("help", .object([("text", .string(help)), ("markdown", .string(help))])),
            ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
            ("properties", .object([
                ("tags", .array([.string(rule.category.rawValue), .string("archcalc")])),
                ("precision", .string("very-high")),
                ("problem.severity", .string(rule.severity == .info ? "recommendation" : rule.severity.rawValue)),
            ])),
        ])
    }

    static func region(_ start: SourceLocation?, _ end: SourceLocation?) -> JSONValue {
        let start = start ?? SourceLocation(line: 1, column: 1)
        let end = end ?? SourceLocation(line: start.line, column: start.column + 1)
        return .object([
            ("startLine", .int(start.line)), ("startColumn", .int(start.column)),
            ("endLine", .int(end.line)), ("endColumn", .int(max(end.column, start.column))),
        ])
    }

    /// `{"uri": "specs/x.yaml", "uriBaseId": "%SRCROOT%"}` inside the repository root, else an absolute URI (or,
    /// without a root, the path as named).
    static func artifact(_ file: String, run: LintRun) -> JSONValue {
        guard let root = run.repositoryRoot else { return .object([("uri", .string(URIText.reference(file)))]) }
        guard let relative = root.relative(file) else {
            return .object([("uri", .string(URIText.reference(RepositoryRoot.absolute(file, in: root.workingDirectory))))])
        }
        return .object([("uri", .string(URIText.reference(relative))), ("uriBaseId", .string(rootBaseID))])
    }

    static func location(_ file: String, _ region: JSONValue, run: LintRun, id: Int? = nil, message: String? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let id { members.append(("id", .int(id))) }
        members.append(("physicalLocation", .object([
            ("artifactLocation", artifact(file, run: run)),
            ("region", region),
        ])))
        if let message { members.append(("message", text(message))) }
        return .object(members)
    }

    static func result(_ finding: LintFinding, ruleIndex: Int?, run: LintRun, fingerprint: String) -> JSONValue {
        let diagnostic = finding.diagnostic
        var members: [(String, JSONValue)] = [("ruleId", .string(diagnostic.code.rawValue))]
        if let ruleIndex { members.append(("ruleIndex", .int(ruleIndex))) }
        members += [
            ("level", .string(level(diagnostic.severity))),
            ("message", text(diagnostic.message)),
            ("locations", .array([location(diagnostic.file, region(diagnostic.location, finding.end), run: run)])),
        ]
        let related = diagnostic.notes.enumerated().compactMap { offset, note -> JSONValue? in
            guard let at = note.location else { return nil }
            return location(diagnostic.file, region(at, nil), run: run, id: offset + 1, message: note.message)
        }
        if !related.isEmpty { members.append(("relatedLocations", .array(related))) }
        members.append(("partialFingerprints", .object([(SARIFFingerprint.key, .string(fingerprint))])))
        return .object(members)
    }
}

/// File paths as URI references: relative paths stay relative, absolute ones become `file://` URIs; bytes
/// outside RFC 3986's unreserved set (and `/`) are percent-encoded.
enum URIText {
    /// An absolute directory as a `file://` URI ending in `/` (what `originalUriBaseIds` requires).
    static func directory(_ path: String) -> String {
        let uri = reference(path.hasPrefix("/") ? path : "/" + path)
        return uri.hasSuffix("/") ? uri : uri + "/"
    }

    static func reference(_ path: String) -> String {
        var result = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            let isUnreserved = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
                || byte == UInt8(ascii: "/")
            if isUnreserved {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
