import Testing
@testable import ArchSpec

/// `.archcalc.yaml`: reading, located errors with suggestions, effective settings, discovery and patterns.
@Suite struct LintConfigTests {
    func read(_ text: String) throws(LintConfigError) -> LintConfiguration {
        try ConfigReader.read(Array(text.utf8), file: ".archcalc.yaml", directory: "/repo")
    }

    @Test func readsEveryKey() throws {
        let config = try read("""
            version: 1
            lint:
              select: [AC1, vocab-not-padded]
              ignore: AC106
              severity: {AC201: error, AC102: off}
              per-file-ignores: {"legacy/**": [AC2]}
              exclude: [vendor]
              alignment: {vocab: 128, intermediate: 256}
              parallelism: {tensor: [2, 8], pipeline: 4}
              fail-on: warning
            """)
        #expect(config.select == Set(RuleCatalog.codes(matching: "AC1") + ["AC201"]))
        #expect(config.alignment == Alignment(vocab: 128, hidden: 64, intermediate: 256))
        #expect(config.parallelism.tensor.map(\.value) == [2, 8])
        #expect(config.failOn == .warning)
        let settings = config.settings(for: "/repo/specs/a.yaml", overrides: LintOverrides())
        #expect(settings.enabled.contains("AC201") && settings.enabled.contains("AC103"))
        #expect(!settings.enabled.contains("AC106") && !settings.enabled.contains("AC102"))
        #expect(!settings.enabled.contains("AC301"))
        #expect(settings.severities["AC201"] == .error)
        #expect(!config.settings(for: "/repo/legacy/x/b.yaml", overrides: LintOverrides()).enabled.contains("AC201"))
        #expect(config.excludes("/repo/a/vendor/c.yaml") && !config.excludes("/repo/specs/c.yaml"))
        let flags = LintOverrides(select: ["AC301"], parallelism: [.tensor: [4]])
        let overridden = config.settings(for: "/repo/specs/a.yaml", overrides: flags)
        #expect(overridden.enabled.contains("AC301") && !overridden.enabled.contains("AC103"))
        #expect(overridden.parallelism.tensor == [ParallelDegree(value: 4, origin: "--tp")])
    }

    @Test(arguments: [
        ("version: 1\nlint:\n  selct: [AC1]\n", "3:3", "unknown key 'selct' in lint; did you mean select?"),
        ("versoin: 1\n", "1:1", "unknown key 'versoin' in the configuration; did you mean version?"),
        ("lint:\n  ignore: [vocab-not-paded]\n", "2:12", "unknown rule 'vocab-not-paded' in lint.ignore; did you mean vocab-not-padded?"),
        ("lint:\n  severity: {AC201: fatal}\n", "2:21", "severity must be error, warning, info or off, got 'fatal'"),
        ("lint:\n  alignment: {vocab: 0}\n", "2:22", "lint.alignment.vocab must be an integer of at least 1"),
        ("lint:\n  parallelism: {tensor: [8, x]}\n", "2:29", "lint.parallelism.tensor must be an integer of at least 1"),
        ("version: 2\n", "1:10", "version must be 1, got 2"),
        ("lint: [1\n", "2:1", "invalid YAML: did not find expected ',' or ']' while parsing a flow sequence"),
    ])
    func reportsLocatedErrors(text: String, at location: String, message: String) {
        do {
            _ = try read(text)
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.location?.description == location)
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }

    @Test func discoveryStopsAtTheRepositoryRoot() throws {
        let discovery = ConfigDiscovery(workingDirectory: "/")
        let repo = LintFixtures.path("repo")
        let config = try discovery.configuration(forDirectory: repo + "/specs")
        #expect(config.file == repo + "/.archcalc.yaml")
        #expect(try discovery.configuration(forDirectory: repo + "/legacy").file == config.file)
        // The fixtures directory has no config and the worktree root stops the walk: defaults.
        #expect(try discovery.configuration(forDirectory: LintFixtures.path("config-errors")).file == nil)
    }

    @Test(arguments: [
        ("legacy/**", "legacy/a.yaml", true), ("legacy/**", "specs/legacy.yaml", false),
        ("legacy", "x/legacy/a.yaml", true), ("*.yml", "a/b/c.yml", true), ("specs/*.yaml", "specs/a/b.yaml", false),
        ("specs/**/gen-*.yaml", "specs/gen-1.yaml", true), ("specs/**/gen-*.yaml", "specs/x/y/gen-2.yaml", true),
        ("a?c.yaml", "abc.yaml", true), ("a?c.yaml", "a/c.yaml", false),
    ])
    func globsMatch(pattern: String, path: String, expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected, "\(pattern) vs \(path)")
    }
}

/// Parallel linting keeps the input order, run after run.
@Suite struct LintRunOrderTests {
    @Test func outputOrderIsDeterministic() throws {
        let paths = [LintFixtures.path("repo"), LintFixtures.path("opt-13b.yaml"), LintFixtures.root + "/specs"]
        let first = try Linter.run(LintRequest(paths: paths))
        #expect(first.files.count > 20)
        let directoryFiles = first.files.map(\.path).filter { $0.hasPrefix(LintFixtures.root + "/specs/") }
        #expect(directoryFiles == directoryFiles.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(first.files.firstIndex { $0.path.hasSuffix("opt-13b.yaml") }! < first.files.firstIndex { $0.path.hasPrefix(LintFixtures.root + "/specs/") }!)
        for _ in 0..<5 {
            let again = try Linter.run(LintRequest(paths: paths))
            #expect(again.files == first.files)
        }
    }
}
