/// Holds linted specs against checkpoints (rules AC701, AC702): the checkpoint named with `--checkpoint`, or
/// one found beside each spec. Runs after `Linter.run`, adding findings to the files' reports.
public enum CheckpointLint {
    /// Lints as `Linter.run` does, then compares each linted spec with its checkpoint.
    ///
    /// - Parameters:
    ///   - request: The lint request.
    ///   - checkpoint: A checkpoint to hold every spec against (`--checkpoint`); `nil` looks beside each spec.
    /// - Throws: `LintConfigError` as `Linter.run` does.
    public static func run(_ request: LintRequest, checkpoint: String?) throws(LintConfigError) -> LintRun {
        var explicit: Result<CheckpointSummary, CheckpointError>?
        if let checkpoint {
            do { explicit = .success(try CheckpointLoader.summary(path: checkpoint)) } catch {
                var run = try Linter.run(request)
                run.ioErrors.append(.checkpoint(path: checkpoint, message: error.description))
                return run
            }
        }
        // The findings join each file's own inside the linter, so per-file selection and severities and inline
        // suppressions (`# archcalc: ignore[AC701]`) apply to them as to every other rule.
        var withCheckpoints = request
        let stdinName = request.stdin == nil ? nil : request.stdinName
        let named = explicit
        withCheckpoints.outsideFindings = { path in
            guard path != stdinName else { return [] }
            return findings(spec: path, explicit: named)
        }
        return try Linter.run(withCheckpoints)
    }

    /// AC701 and AC702 findings for one spec: against the checkpoint named with `--checkpoint`, or the one
    /// beside the spec.
    static func findings(spec path: String, explicit: Result<CheckpointSummary, CheckpointError>?) -> [Diagnostic] {
        let summary: Result<CheckpointSummary, CheckpointError>
        if let explicit { summary = explicit } else {
            guard let found = besideSpec(path) else { return [] }
            summary = found
        }
        switch summary {
        case .failure(let error):
            let unreadable = CheckpointUnreadableRule.description
            return [Diagnostic(severity: unreadable.severity, code: unreadable.diagnosticCode,
                               message: "checkpoint \(error.description)", file: path, location: nil)]
        case .success(let checkpoint):
            return differences(spec: path, checkpoint: checkpoint, rule: CheckpointGroupMismatchRule.description)
        }
    }

    /// One finding per group that differs, at the key that sizes the group.
    static func differences(spec path: String, checkpoint: CheckpointSummary, rule: RuleDescription) -> [Diagnostic] {
        let loaded = SpecLoader.load(path: path)
        guard loaded.checkpoint == nil, let spec = loaded.spec,
              let comparison = try? CheckpointComparison(spec: spec, checkpoint: checkpoint) else { return [] }
        return comparison.differences.map { difference in
            let key = CheckpointGroupMismatchRule.key(for: difference.group)
            return Diagnostic(
                severity: rule.severity, code: rule.diagnosticCode,
                message: "checkpoint \(Escaping.short(checkpoint.path, limit: 200)) differs in " + CheckpointComparison.describe(difference),
                file: path, location: loaded.sourceMap.location(of: key) ?? loaded.sourceMap.location(of: "layers"), keyPath: key)
        }
    }

    /// The checkpoint in the spec's directory, if there is one.
    static func besideSpec(_ path: String) -> Result<CheckpointSummary, CheckpointError>? {
        let directory = PathText.parent(path)
        switch CheckpointSource.directory(directory) {
        // No checkpoint, or several GGUF files (no one of them is the spec's): nothing to compare.
        case nil, .failure?: return nil
        case .success?:
            do { return .success(try CheckpointLoader.summary(path: directory)) } catch { return .failure(error) }
        }
    }
}
