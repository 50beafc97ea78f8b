import Foundation
import Testing
@testable import ArchSpec

#if canImport(Glibc)
import Glibc

/// `OutputFile`: what each kind of target path gets, in a fresh temporary directory per test.
struct OutputFileTests {
    static func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("archcalc-output-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func contents(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        _ = lstat(path, &info)
        return info.st_mode
    }

    static func leftovers(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasPrefix(".archcalc-") }
    }

    @Test func replacesARegularFileAndKeepsItsMode() throws {
        let dir = try Self.directory(), path = dir + "/report.txt"
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o600)
        var before = stat()
        lstat(path, &before)
        try OutputFile.write("new\n", to: path)
        #expect(Self.contents(path) == "new\n")
        #expect(Self.mode(path) & 0o7777 == 0o600)
        #expect(Self.mode(path) & S_IFMT == S_IFREG)
        var after = stat()
        lstat(path, &after)
        #expect(after.st_ino != before.st_ino)  // renamed over, not truncated in place
        #expect(Self.leftovers(dir).isEmpty)
    }

    @Test func temporaryNamesAreRandomAndBesideTheTarget() throws {
        let dir = try Self.directory(), path = dir + "/out.json"
        var names: [String] = []
        for _ in 0..<2 { try OutputFile.write("{}\n", to: path) { names.append($0) } }
        #expect(names.count == 2 && names[0] != names[1])
        for name in names {
            #expect(name.hasPrefix(dir + "/.archcalc-") && name.hasSuffix(".tmp"))
            let token = name.dropFirst((dir + "/.archcalc-").count).dropLast(4)
            #expect(token.count == 32 && token.allSatisfy(\.isHexDigit))
        }
    }

    /// The old scheme wrote `PATH.tmp-PID` without O_EXCL|O_NOFOLLOW: a planted link there redirected the write.
    @Test func aPlantedLinkAtTheOldTemporaryNameIsNotFollowed() throws {
        let dir = try Self.directory(), path = dir + "/out.txt", victim = dir + "/victim.txt"
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        symlink(victim, "\(path).tmp-\(getpid())")
        try OutputFile.write("report\n", to: path)
        #expect(Self.contents(victim) == "precious\n")
        #expect(Self.contents(path) == "report\n")
    }

    @Test func aSymlinkIsWrittenThroughAndStays() throws {
        let dir = try Self.directory(), target = dir + "/real.txt", link = dir + "/link.txt"
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        chmod(target, 0o640)
        symlink("real.txt", link)
        try OutputFile.write("new\n", to: link)
        #expect(Self.mode(link) & S_IFMT == S_IFLNK)
        #expect(Self.contents(target) == "new\n")
        #expect(Self.mode(target) & 0o7777 == 0o640)
        #expect(Self.leftovers(dir).isEmpty)
    }

    @Test func aDanglingSymlinkOrADirectoryIsRefused() throws {
        let dir = try Self.directory(), link = dir + "/dangling"
        symlink(dir + "/missing", link)
        #expect(throws: OutputFile.Failure("\(link): is a symbolic link to a missing file; refusing to write")) {
            try OutputFile.write("x", to: link)
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/missing"))
        #expect(throws: OutputFile.Failure("\(dir): is a directory, not an output file")) { try OutputFile.write("x", to: dir) }
        #expect(throws: OutputFile.Failure.self) { try OutputFile.write("x", to: dir + "/no/such/dir/out.txt") }
        #expect(Self.leftovers(dir).isEmpty)
    }

    /// A FIFO (as /dev/null or /dev/stdout would be) is opened and written, never replaced by a regular file;
    /// the same through a symlink to it.
    @Test(arguments: [false, true])
    func aFIFOIsWrittenThrough(viaLink: Bool) throws {
        let dir = try Self.directory(), fifo = dir + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        var target = fifo
        if viaLink {
            target = dir + "/pipe-link"
            symlink(fifo, target)
        }
        let received = FIFOReader(fifo)
        try OutputFile.write("through the pipe\n", to: target)
        #expect(received.wait() == "through the pipe\n")
        #expect(Self.mode(fifo) & S_IFMT == S_IFIFO)
        #expect(Self.leftovers(dir).isEmpty)
    }

    @Test func directoryNames() {
        #expect(TemporaryFile.directoryName(of: "out.txt") == ".")
        #expect(TemporaryFile.directoryName(of: "/out.txt") == "/")
        #expect(TemporaryFile.directoryName(of: "a//b/out.txt") == "a//b")
        #expect(TemporaryFile.directoryName(of: "a/out.txt/") == "a")
    }
}

struct OutputConflictTests {
    @Test func theSameFileByAnyNameIsRefused() throws {
        let dir = try OutputFileTests.directory(), spec = dir + "/spec.yaml"
        try "archspec: 1\n".write(toFile: spec, atomically: false, encoding: .utf8)
        link(spec, dir + "/hard.yaml")
        symlink(spec, dir + "/soft.yaml")
        for output in [spec, dir + "/hard.yaml", dir + "/soft.yaml", dir + "/./spec.yaml"] {
            #expect(throws: OutputFile.Failure.self) { try OutputConflict.check(outputs: [output], inputs: ["-", spec]) }
        }
        // Not yet existing: compared by normalised path.
        #expect(OutputConflict.same(dir + "/new/../x.txt", dir + "//x.txt"))
        try OutputConflict.check(outputs: [dir + "/report.txt", nil, "-"], inputs: [spec, "-"])
    }

    @Test func twoOutputsOrAnOutputInsideAScannedDirectoryAreRefused() throws {
        let dir = try OutputFileTests.directory()
        #expect(throws: OutputFile.Failure.self) { try OutputConflict.check(outputs: [dir + "/a.yaml", dir + "/./a.yaml"], inputs: []) }
        try "archspec: 1\n".write(toFile: dir + "/model.yaml", atomically: false, encoding: .utf8)
        #expect(throws: OutputFile.Failure.self) { try OutputConflict.check(outputs: [dir + "/model.yaml"], inputs: [dir]) }
        // A report that a scan would not read is fine.
        try "{}".write(toFile: dir + "/lint.json", atomically: false, encoding: .utf8)
        try OutputConflict.check(outputs: [dir + "/lint.json"], inputs: [dir])
    }

    @Test func aFIFOOutputNeverConflicts() throws {
        let dir = try OutputFileTests.directory(), fifo = dir + "/pipe"
        mkfifo(fifo, 0o600)
        try OutputConflict.check(outputs: [fifo], inputs: [fifo])
    }
}
#endif
