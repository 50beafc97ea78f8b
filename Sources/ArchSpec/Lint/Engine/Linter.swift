import Dispatch

/// What to lint and how: the library entry point behind `archcalc lint`.
public struct LintRequest: Sendable {
    public var paths: [String]
    /// A configuration file that replaces discovery (`--config`).
    public var configPath: String?
    /// Ignore configuration files (`--isolated`).
    public var isolated: Bool
    public var overrides: LintOverrides
    /// The name to report for standard input.
    public var stdinName: String
    /// Standard input's bytes, read by the caller when `paths` holds `-`.
    public var stdin: [UInt8]?
    /// Why standard input could not be read (too large, unreadable), when `paths` holds `-`.
    public var stdinFailure: FileInput.Failure?
    /// Skip named files that are not specs, as directory scans do (for pre-commit, which names every file).
    public var skipNonSpecs = false
    /// Findings of rules that look beyond the file (`lint --checkpoint`'s AC701 and AC702), given the file's
    /// path: each file's settings (per-file selection and severities) and its inline suppressions apply to
    /// them exactly as to the rules' own findings.
    public var outsideFindings: (@Sendable (_ file: String) -> [Diagnostic])?

    public init(paths: [String], configPath: String? = nil, isolated: Bool = false, overrides: LintOverrides = LintOverrides(),
                stdinName: String = "-", stdin: [UInt8]? = nil) {
        self.paths = paths
        self.configPath = configPath
        self.isolated = isolated
        self.overrides = overrides
        self.stdinName = stdinName
        self.stdin = stdin
    }
}

/// The outcome of a lint run: one report per file in input order, and the I/O errors met.
public struct LintRun: Sendable {
    public var files: [FileReport]
    /// Paths that could not be read (exit code 2).
    public var ioErrors: [LintIOError]
    /// `fail-on` from the configuration, when every file used the same one.
    public var failOn: FailThreshold?
    /// What SARIF and GitHub annotation paths are relative to; `nil` leaves them as the user named them.
    public var repositoryRoot: RepositoryRoot?

    public var findings: [LintFinding] { files.flatMap(\.findings) }
    public var lintedCount: Int { files.filter { $0.status == .linted }.count }
    public var skippedCount: Int { files.filter { $0.status == .skipped }.count }

    public init(files: [FileReport], ioErrors: [LintIOError] = [], failOn: FailThreshold? = nil) {
        self.files = files
        self.ioErrors = ioErrors
        self.failOn = failOn
    }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.diagnostic.severity == severity }.count }
}

public enum Linter {
    /// Lints every file under `request.paths` in parallel; reports keep input order.
    ///
    /// - Throws: `LintConfigError` when a configuration file is malformed (exit code 2).
    public static func run(_ request: LintRequest) throws(LintConfigError) -> LintRun {
        let cwd = PathText.currentDirectory()
        let expansion = FileDiscovery.expand(request.paths, workingDirectory: cwd)
        let discovery = ConfigDiscovery(workingDirectory: cwd)
        var fixed: LintConfiguration? = request.isolated ? LintConfiguration(directory: cwd) : nil
        if let path = request.configPath { fixed = try discovery.load(path) }
        var jobs: [Job] = []
        var thresholds: Set<FailThreshold?> = []
        for var input in expansion.inputs {
            if request.skipNonSpecs, input.path != "-" { input.explicit = false }
            let config: LintConfiguration
            if let fixed { config = fixed } else {
                config = try discovery.configuration(forDirectory: PathText.parent(input.absolutePath), scanRoot: input.scanRoot)
            }
            if !input.explicit, config.excludes(input.absolutePath) { continue }
            thresholds.insert(config.failOn)
            var job = Job(input: input, settings: config.settings(for: input.absolutePath, overrides: request.overrides))
            job.outsideFindings = request.outsideFindings
            if input.path == "-" {
                job.input.path = request.stdinName
                job.bytes = request.stdin ?? []
                job.failure = request.stdinFailure
            }
            jobs.append(job)
        }
        let outcomes = parallelMap(jobs) { $0.run() }
        var run = LintRun(files: [], ioErrors: expansion.missing.map { .missing(path: $0) } + expansion.problems,
                          failOn: thresholds.count == 1 ? thresholds.first ?? nil : nil)
        run.repositoryRoot = RepositoryRoot.find(for: expansion.inputs.first { $0.path != "-" }?.absolutePath,
                                                 workingDirectory: cwd)
        for outcome in outcomes {
            switch outcome {
            case .report(let report): run.files.append(report)
            case .ioError(let error): run.ioErrors.append(error)
            }
        }
        return run
    }

    struct Job: Sendable {
        var input: LintInput
        var settings: LintSettings
        var bytes: [UInt8]?
        var failure: FileInput.Failure?
        var outsideFindings: (@Sendable (String) -> [Diagnostic])?

        enum Outcome: Sendable {
            case report(FileReport)
            case ioError(LintIOError)
        }

        func run() -> Outcome {
            switch read() {
            case .success(let contents):
                return .report(FileLinter.lint(bytes: contents, file: input.path, settings: settings, explicit: input.explicit,
                                           outside: outsideFindings))
            case .failure(.tooLarge(_, let size, let limit)):
                let rule = InputLimitsRule.description
                let message = "file is too large (\(size) bytes; the limit is \(limit) bytes); refusing to read it"
                let diagnostic = Diagnostic(severity: settings.severity(of: rule), code: rule.diagnosticCode, message: message,
                                            file: input.path, location: SourceLocation(line: 1, column: 1))
                return .report(FileReport(path: input.path, status: .linted,
                                          findings: [LintFinding(diagnostic: diagnostic, rule: rule)]))
            case .failure(let error):
                return .ioError(.unreadable(error))
            }
        }

        /// The file's bytes (standard input's were read by the caller), or why they could not be read.
        func read() -> Result<[UInt8], FileInput.Failure> {
            if let failure { return .failure(failure) }
            if let bytes { return .success(bytes) }
            do {
                return .success(try FileInput.read(input.path))
            } catch {
                return .failure(error)
            }
        }
    }

    /// `transform` applied to every element on all cores; results in input order.
    static func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let results = ResultSlots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.store(transform(items[index]), at: index)
        }
        return results.values()
    }
}

/// Write-once slots filled from several threads, each index by exactly one thread.
private final class ResultSlots<R>: @unchecked Sendable {
    private var slots: UnsafeMutableBufferPointer<R?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ value: R, at index: Int) { slots[index] = value }

    func values() -> [R] { slots.compactMap { $0 } }
}
