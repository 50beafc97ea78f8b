import Testing
@testable import ArchSpec

/// Generated docs stay in sync, and the repository's own specs lint clean at error level.
@Suite struct LintDocsTests {
    @Test func rulesMarkdownIsCurrent() throws {
        let path = LintFixtures.root + "/docs/rules.md"
        let current = String(decoding: try FileInput.read(path), as: UTF8.self)
        #expect(current == RuleDocs.markdown(), "docs/rules.md is stale: run `archcalc rules --format markdown > docs/rules.md`")
    }

    @Test func everyRuleIsInTheDocs() throws {
        let docs = RuleDocs.markdown()
        for rule in RuleCatalog.descriptions { #expect(docs.contains("### \(rule.code)\n")) }
    }

    @Test func preCommitHooksAreWellFormed() throws {
        let bytes = try FileInput.read(LintFixtures.root + "/.pre-commit-hooks.yaml")
        let document = try YAMLComposer.compose(bytes)
        #expect(document.duplicateKeys.isEmpty)
        guard case .sequence(let hooks)? = document.root else { return #expect(Bool(false), "a list of hooks") }
        let languages = hooks.items.compactMap { $0.mapping?["language"]?.scalar?.value }
        #expect(languages == ["swift", "system"])
        for hook in hooks.items {
            for key in ["id", "name", "entry", "language"] { #expect(hook.mapping?[key] != nil, "\(key)") }
            #expect(hook.mapping?["entry"]?.scalar?.value == "archcalc lint --skip-non-specs")
        }
    }

    @Test func specsLintCleanAtErrorLevel() throws {
        let specs = LintFixtures.root + "/specs"
        let expansion = FileDiscovery.expand([specs], workingDirectory: "/")
        let (inputs, missing) = (expansion.inputs, expansion.missing)
        #expect(missing.isEmpty)
        let yaml = inputs.filter { $0.path.hasSuffix(".yaml") || $0.path.hasSuffix(".yml") }
        #expect(!yaml.isEmpty, "specs/ holds no spec files")
        for input in yaml {
            let report = FileLinter.lint(bytes: try FileInput.read(input.path), file: input.path, settings: .default, explicit: true)
            let errors = report.findings.filter { $0.diagnostic.severity == .error }
            #expect(errors.isEmpty, "\(errors.map(\.diagnostic.oneLine))")
        }
    }
}
