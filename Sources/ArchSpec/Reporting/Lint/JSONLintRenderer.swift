/// Versioned JSON: `{version, tool, files: [{path, status, findings}], errors, summary}`, snake_case keys.
/// docs/json.md documents the shape.
public struct JSONLintRenderer: Renderer {
    /// The version of this document's shape: 2 since the keys became snake_case (`rule_id`, `end_line`).
    public static let version = 2

    public let toolVersion: String

    public init(toolVersion: String) { self.toolVersion = toolVersion }

    public func render(_ run: LintRun) -> String {
        let files: [JSONValue] = run.files.map { file in
            .object([
                ("path", .string(file.path)),
                ("status", .string(file.status.rawValue)),
                ("findings", .array(file.findings.map(Self.finding))),
            ])
        }
        let document = JSONValue.object([
            ("version", .int(Self.version)),
            ("tool", .object([("name", .string("archcalc")), ("version", .string(toolVersion))])),
            ("files", .array(files)),
            ("errors", .array(run.ioErrors.map { .string($0.description) })),
            ("summary", .object([
                ("files", .int(run.files.count)), ("linted", .int(run.lintedCount)), ("skipped", .int(run.skippedCount)),
                ("errors", .int(run.count(.error))), ("warnings", .int(run.count(.warning))), ("infos", .int(run.count(.info))),
            ])),
        ])
        return document.rendered() + "\n"
    }

    static func finding(_ finding: LintFinding) -> JSONValue {
        let diagnostic = finding.diagnostic
        var members: [(String, JSONValue)] = [
            ("rule_id", .string(diagnostic.code.rawValue)),
            ("rule_name", .string(finding.ruleName)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
        ]
        if let location = diagnostic.location {
            members += [("line", .int(location.line)), ("column", .int(location.column))]
            if let end = finding.end { members += [("end_line", .int(end.line)), ("end_column", .int(end.column))] }
        }
        if let path = diagnostic.keyPath { members.append(("key_path", .string(path))) }
        if let pointer = finding.pointer { members.append(("pointer", .string(pointer))) }
        members.append(("notes", .array(diagnostic.notes.map { note in
            var fields: [(String, JSONValue)] = [("message", .string(note.message))]
            if let location = note.location { fields += [("line", .int(location.line)), ("column", .int(location.column))] }
            return .object(fields)
        })))
        return .object(members)
    }
}
