import Foundation
import Testing

struct PackageLayoutTests {
    /// Every library folder README must be excluded in Package.swift, or SwiftPM warns about unhandled files.
    @Test func everyFolderReadmeIsExcluded() throws {
        let manifest = try String(contentsOfFile: Repository.path("Package.swift"), encoding: .utf8)
        let root = Repository.path("Sources/ArchSpec")
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        let readmes = files.filter { $0.hasSuffix("README.md") }
        #expect(!readmes.isEmpty)
        for readme in readmes {
            #expect(manifest.contains("\"\(readme)\""), "add \"\(readme)\" to folderReadmes in Package.swift")
        }
    }
}
