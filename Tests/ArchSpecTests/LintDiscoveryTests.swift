import Foundation
import Testing
@testable import ArchSpec

/// Configuration discovery stops at the repository root or the ceiling outside one; directory scans keep to
/// the scanned tree and report what they cannot scan.
@Suite struct LintDiscoveryTests {
    /// A fresh directory under the system temporary directory (outside any repository).
    static func temporaryTree() throws -> String {
        let path = NSTemporaryDirectory() + "archcalc-discovery-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path + "/x/y", withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func plantedConfigAboveTheLintedDirectoryIsIgnoredOutsideARepository() throws {
        let tree = try Self.temporaryTree()
        defer { try? FileManager.default.removeItem(atPath: tree) }
        #expect(ConfigDiscovery(workingDirectory: "/").repositoryRoot(of: tree) == nil, "test needs a tree outside any repository")
        try Self.write("lint:\n  ignore: [ALL]\n", to: tree + "/.archcalc.yaml")
        // Run from elsewhere (here: the repository), lint tree/x/y: the planted config is out of reach.
        let elsewhere = ConfigDiscovery(workingDirectory: LintFixtures.root)
        #expect(try elsewhere.configuration(forDirectory: tree + "/x/y", scanRoot: tree + "/x/y").file == nil)
        #expect(try elsewhere.configuration(forDirectory: tree + "/x/y", scanRoot: tree + "/x").file == nil)
        // Naming the directory that holds it, or running from inside it, finds it.
        #expect(try elsewhere.configuration(forDirectory: tree + "/x/y", scanRoot: tree).file == tree + "/.archcalc.yaml")
        let inside = ConfigDiscovery(workingDirectory: tree)
        #expect(try inside.configuration(forDirectory: tree + "/x/y", scanRoot: tree + "/x/y").file == tree + "/.archcalc.yaml")
        // Run from `/`, which holds every file: still out of reach.
        let fromRoot = ConfigDiscovery(workingDirectory: "/")
        #expect(try fromRoot.configuration(forDirectory: tree + "/x/y", scanRoot: tree + "/x/y").file == nil)
    }

    @Test func repositoryRootBoundsTheWalkAndAConfigAboveItIsIgnored() throws {
        let tree = try Self.temporaryTree()
        defer { try? FileManager.default.removeItem(atPath: tree) }
        try Self.write("lint:\n  ignore: [ALL]\n", to: tree + "/.archcalc.yaml")
        try FileManager.default.createDirectory(atPath: tree + "/x/.git", withIntermediateDirectories: true)
        let discovery = ConfigDiscovery(workingDirectory: tree)
        #expect(discovery.repositoryRoot(of: tree + "/x/y") == tree + "/x")
        #expect(try discovery.configuration(forDirectory: tree + "/x/y", scanRoot: tree).file == nil)
        try Self.write("version: 1\n", to: tree + "/x/.archcalc.yml")
        #expect(try ConfigDiscovery(workingDirectory: tree).configuration(forDirectory: tree + "/x/y").file == tree + "/x/.archcalc.yml")
    }

    @Test func scanSkipsSymlinksLeavingTheTreeAndReadsThoseInside() throws {
        let tree = try Self.temporaryTree()
        let outside = try Self.temporaryTree()
        defer {
            try? FileManager.default.removeItem(atPath: tree)
            try? FileManager.default.removeItem(atPath: outside)
        }
        try Self.write("archspec: 1\n", to: outside + "/secret.yaml")
        try Self.write("archspec: 1\n", to: tree + "/x/real.yaml")
        try FileManager.default.createSymbolicLink(atPath: tree + "/x/out.yaml", withDestinationPath: outside + "/secret.yaml")
        try FileManager.default.createSymbolicLink(atPath: tree + "/x/up.yaml", withDestinationPath: "../../" + URL(fileURLWithPath: outside).lastPathComponent + "/secret.yaml")
        try FileManager.default.createSymbolicLink(atPath: tree + "/x/in.yaml", withDestinationPath: "real.yaml")
        try FileManager.default.createSymbolicLink(atPath: tree + "/x/loop", withDestinationPath: ".")
        let expansion = FileDiscovery.expand([tree], workingDirectory: "/")
        #expect(expansion.inputs.map { PathText.baseName($0.path) } == ["in.yaml", "real.yaml"])
        #expect(expansion.problems.isEmpty)
        // Named on the command line, a symlink is read.
        let named = FileDiscovery.expand([tree + "/x/out.yaml"], workingDirectory: "/")
        #expect(named.inputs.map(\.path) == [tree + "/x/out.yaml"])
    }

    @Test func tooDeepDirectoriesAreReported() throws {
        let tree = try Self.temporaryTree()
        defer { try? FileManager.default.removeItem(atPath: tree) }
        let deep = (0...FileDiscovery.maxDepth).map { _ in "d" }.joined(separator: "/")
        try FileManager.default.createDirectory(atPath: tree + "/" + deep, withIntermediateDirectories: true)
        try Self.write("archspec: 1\n", to: tree + "/" + deep + "/deep.yaml")
        let expansion = FileDiscovery.expand([tree], workingDirectory: "/")
        #expect(expansion.inputs.isEmpty)
        #expect(expansion.problems.count == 1)
        #expect(expansion.problems.first?.description.hasSuffix("directory nesting deeper than 64 levels; not scanned") == true)
        let run = try Linter.run(LintRequest(paths: [tree], isolated: true))
        #expect(run.ioErrors == expansion.problems, "reported as I/O errors: exit code 2")
    }

    @Test(.enabled(if: getuid() != 0, "root can read directories without permissions"))
    func unreadableDirectoriesAreReported() throws {
        let tree = try Self.temporaryTree()
        defer {
            chmod(tree + "/x", 0o755)
            try? FileManager.default.removeItem(atPath: tree)
        }
        #expect(chmod(tree + "/x", 0) == 0)
        let expansion = FileDiscovery.expand([tree], workingDirectory: "/")
        #expect(expansion.problems == [.unreadableDirectory("\(tree)/x", reason: "Permission denied")])
        #expect(expansion.problems.map(\.description) == ["\(tree)/x: cannot read directory: Permission denied"])
    }
}
