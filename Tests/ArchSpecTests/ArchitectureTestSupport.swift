import ArchSpec
import Testing

/// Helpers shared by the architecture tests: fixture paths and spec loading.
enum ArchFixtures {
    /// The repository root, found from this file's path.
    static let root: String = {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static func hf(_ name: String) -> String { "\(root)/Tests/Fixtures/hf/\(name).json" }

    static func load(_ path: String) throws -> ArchitectureSpec {
        let loaded = SpecLoader.load(path: path)
        let errors = loaded.diagnostics.filter { $0.severity == .error }.map(\.oneLine)
        #expect(errors.isEmpty, "\(errors)")
        return try #require(loaded.spec)
    }

    static func yaml(_ text: String, file: String = "test.yaml") -> SpecLoadResult {
        SpecLoader.load(bytes: Array(text.utf8), file: file)
    }

    static func spec(_ text: String) throws -> ArchitectureSpec {
        let loaded = yaml(text)
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.map(\.oneLine))")
        return try #require(loaded.spec)
    }

    static func estimate(_ spec: ArchitectureSpec, context: Int, _ options: CostOptions = CostOptions()) throws -> Estimate {
        var options = options
        options.context = context
        return try CostModel.estimate(spec, options: options)
    }
}
