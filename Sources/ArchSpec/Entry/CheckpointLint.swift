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
        var run = try Linter.run(request)
        let mismatch = CheckpointGroupMismatchRule.description, unreadable = CheckpointUnreadableRule.description
        let enabled = { (rule: RuleDescription) in
            !request.overrides.ignore.contains(rule.code) && (request.overrides.select?.contains(rule.code) ?? rule.enabledByDefault)
        }
        var explicit: Result<CheckpointSummary, CheckpointError>?
        if let checkpoint {
            do { explicit = .success(try CheckpointLoader.summary(path: checkpoint)) } catch {
                run.ioErrors.append(.checkpoint(path: checkpoint, message: error.description))
                return run
            }
        }
        for index in run.files.indices where run.files[index].status == .linted {
            let path = run.files[index].path
            guard path != request.stdinName || request.stdin == nil else { continue }
            let summary: Result<CheckpointSummary, CheckpointError>
            if let explicit { summary = explicit } else {
                guard let found = besideSpec(path) else { continue }
                summary = found
            }
            var findings: [Diagnostic] = []
            switch summary {
            case .failure(let error):
                if enabled(unreadable) {
                    findings.append(Diagnostic(severity: unreadable.severity, code: unreadable.diagnosticCode,
                                               message: "checkpoint \(error.description)", file: path, location: nil))
                }
            case .success(let checkpoint):
                guard enabled(mismatch) else { continue }
                findings += differences(spec: path, checkpoint: checkpoint, rule: mismatch)
            }
            var cursor = SourceText.Cursor(SourceText(bytes: (try? FileInput.read(path)) ?? []))
            run.files[index].findings += findings.sorted(by: FileLinter.order).map { FileLinter.finish($0, cursor: &cursor) }
            run.files[index].findings.sort { FileLinter.order($0.diagnostic, $1.diagnostic) }
        }
        return run
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
