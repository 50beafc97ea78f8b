import Testing
@testable import ArchSpec

/// Runs every rule's triggering and non-triggering examples: the examples are the rules' tests and docs.
@Suite struct LintRuleExampleTests {
    /// Rules whose examples use keys the schema has (others wait for their keys; see `pendingRules`).
    static let runnable = RuleCatalog.descriptions.filter(LintRuleExampleTests.keysAvailable)

    static func keysAvailable(_ rule: RuleDescription) -> Bool {
        rule.requiresKeys.allSatisfy { SchemaField.find($0, in: SpecSchema.root) != nil }
    }

    static func lint(_ example: RuleExample, enabling code: String) -> [Diagnostic] {
        var settings = LintSettings()
        settings.enabled.insert(code)
        settings.servingContext = example.servingContext
        let report = FileLinter.lint(
            bytes: Array(example.source.utf8), file: "example.yaml", settings: settings, explicit: true)
        return report.findings.map(\.diagnostic)
    }

    @Test(arguments: runnable.map(\.code))
    func triggeringExamplesPointAtTheirMarkers(code: String) throws {
        let rule = try #require(RuleCatalog.description(for: code))
        for example in rule.triggering {
            #expect(!example.markers.isEmpty, "\(code): a triggering example needs a ↓ marker")
            let found = Self.lint(example, enabling: code).filter { $0.code.rawValue == code }
            let locations = Set(found.compactMap(\.location))
            #expect(locations == Set(example.markers),
                    "\(code) example:\n\(example.source)\nfound: \(found.map(\.oneLine))")
        }
    }

    @Test(arguments: runnable.map(\.code))
    func nonTriggeringExamplesStayQuiet(code: String) throws {
        let rule = try #require(RuleCatalog.description(for: code))
        #expect(!rule.nonTriggering.isEmpty)
        for example in rule.nonTriggering {
            let found = Self.lint(example, enabling: code).filter { $0.code.rawValue == code }
            #expect(found.isEmpty, "\(code) example:\n\(example.source)\nfound: \(found.map(\.oneLine))")
        }
    }

    @Test func nonTriggeringBaseSpecIsClean() {
        var settings = LintSettings()
        settings.enabled = Set(RuleCatalog.descriptions.map(\.code))
        let report = FileLinter.lint(bytes: Array(Examples.base.utf8), file: "base.yaml", settings: settings, explicit: true)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.diagnostic.oneLine))")
    }
}
