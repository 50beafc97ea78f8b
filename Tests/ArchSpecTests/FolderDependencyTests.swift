import Foundation
import Testing

/// The library's folders keep to what their READMEs say they depend on, and none depends on another in a
/// cycle (issue 12, "Acyclic folders"). The checker itself is tested on planted trees.
struct FolderDependencyTests {
    @Test func libraryFoldersKeepToTheirREADMEs() throws {
        let start = ContinuousClock.now
        let graph = try FolderGraph.scan(root: Repository.path("Sources/ArchSpec"))
        let elapsed = ContinuousClock.now - start
        #expect(graph.units.count > 10)
        let problems = graph.problems()
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(elapsed < .seconds(10), "scanning took \(elapsed)")
    }

    /// Writes a tree of folders, each with a README and Swift files, and returns its graph.
    func planted(_ folders: [String: (depends: String?, swift: String)]) throws -> FolderGraph {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folder-graph-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (folder, content) in folders {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            let readme = "# \(folder)\n\nOwns things.\n" + (content.depends.map { "\n\($0)\n" } ?? "")
            try readme.write(toFile: root + "/" + folder + "/README.md", atomically: true, encoding: .utf8)
            try content.swift.write(toFile: root + "/" + folder + "/File.swift", atomically: true, encoding: .utf8)
        }
        return try FolderGraph.scan(root: root)
    }

    @Test func aReferenceTheREADMEDoesNotListFails() throws {
        let graph = try planted([
            "Low": ("Depends on: nothing", "struct LowThing { var up: HighThing? }\n"),
            "High": ("Depends on: Low", "struct HighThing { let low = LowThing() }\n"),
        ])
        let problems = graph.problems()
        #expect(problems.contains("Low uses High, which Low/README.md does not list: HighThing (Low/File.swift:1)"))
        #expect(problems.contains("the folders use each other in a cycle: High -> Low -> High"))
        #expect(problems.count == 2, "\(problems)")
    }

    @Test func readmesThatAllowACycleFail() throws {
        let graph = try planted([
            "A": ("Depends on: B", "func helper() -> Int { BThing.size }\n"),
            "B": ("Depends on: A (for nothing)", "enum BThing { static let size = 1 }\n"),
        ])
        let problems = graph.problems()
        #expect(problems.contains("B/README.md lists A, but no file of B uses it: remove it"))
        #expect(problems.contains("the READMEs allow a cycle: A -> B -> A"))
    }

    @Test func aMissingOrWrongDependsLineFails() throws {
        let graph = try planted([
            "A": (nil, "struct AThing {}\n"),
            "B": ("Depends on: Nowhere", "struct BThing {}\n"),
            "C": ("Depends on: nothing\nDepends on: A", "struct CThing {}\n"),
        ])
        #expect(graph.problems() == [
            "C/README.md has more than one 'Depends on:' line: keep one",
            "A/README.md has no 'Depends on: ...' line",
            "B/README.md lists 'Nowhere', which is not another folder with a README",
        ])
    }

    @Test func commentsStringsLabelsAndPrivateNamesAreNotReferences() throws {
        let graph = try planted([
            "Low": ("Depends on: nothing", """
                // HighThing in a comment /* and HighThing */
                /* nested /* HighThing */ still a comment: HighThing */
                let a = "HighThing", b = #"HighThing "quoted" \\(HighThing)"#
                let c = \"\"\"
                    HighThing \\(1 + (2))
                    \"\"\"
                func f(helper: Int) -> Int { 0 }
                let d = f(helper: 2)
                private struct HighThing {}
                """),
            "High": ("Depends on: nothing", "struct HighThing {}\nfunc helper() {}\nprivate func lowOnly() {}\nstruct Alignment {}\n"),
            "Table": ("Depends on: nothing", "struct Table {\n    enum Alignment { case left }\n    var a: Alignment\n}\n"),
        ])
        #expect(graph.problems() == [])
        let interpolated = try planted([
            "Low": ("Depends on: nothing", #"let text = "size \(HighThing.size) and \#(1)""# + "\n"),
            "High": ("Depends on: nothing", "enum HighThing { static let size = 1 }\n"),
        ])
        #expect(interpolated.problems() == ["Low uses High, which Low/README.md does not list: HighThing (Low/File.swift:1)"])
    }

    @Test func anExtensionMemberNamedThroughItsTypeIsAReference() throws {
        let graph = try planted([
            "Low": ("Depends on: nothing", "enum Loader {}\nfunc use() { Loader.fromPath() }\n"),
            "High": ("Depends on: Low", "extension Loader { static func fromPath() {} }\n"),
        ])
        #expect(graph.problems().contains("Low uses High, which Low/README.md does not list: Loader.fromPath (Low/File.swift:2)"))
    }

    @Test func dependsLinesParse() {
        #expect(FolderGraph.parseDepends("# X\n\nDepends on: `Spec/`, Support/Escaping (the sinks), YAML.\n") == ["Spec", "Support/Escaping", "YAML"])
        #expect(FolderGraph.parseDepends("Depends on: nothing\n") == [])
        #expect(FolderGraph.parseDepends("It depends on: Spec\n") == nil)
    }
}
