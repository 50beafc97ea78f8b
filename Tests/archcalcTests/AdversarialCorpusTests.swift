import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Every file in Tests/Fixtures/adversarial gives its expected exit code and message within a second.
/// EXPECTED.tsv (written by scripts/gen-adversarial.py) holds: file, exit code, fragment of stdout (exit 0)
/// or stderr (otherwise). Inputs too large to commit and special files are made here at run time.
struct AdversarialCorpusTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var exit: Int32
        var fragment: String
        var testDescription: String { file }
    }

    static let directory = CLI.path("Tests/Fixtures/adversarial")

    static let cases: [Case] = {
        guard let text = try? String(contentsOfFile: directory + "/EXPECTED.tsv", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let code = Int32(fields[1]) else { return nil }
            return Case(file: String(fields[0]), exit: code, fragment: String(fields[2]))
        }
    }()

    @Test func corpusIsLargeEnough() {
        #expect(Self.cases.count >= 60)
    }

    @Test(arguments: cases)
    func fileGivesItsExpectedOutcome(_ item: Case) throws {
        let start = Date()
        let result = try CLI.run(["estimate", "--exact", Self.directory + "/" + item.file])
        #expect(Date().timeIntervalSince(start) < 1.0)
        #expect(result.status == item.exit, "\(result.stderr)")
        let text = item.exit == 0 ? result.stdout : result.stderr
        #expect(text.contains(item.fragment), "\(text.prefix(400))")
        if item.exit != 0 {
            // One line per problem, each located and naming the file.
            for line in result.stderr.split(separator: "\n") {
                #expect(line.hasPrefix(Self.directory + "/" + item.file + ":"), "\(line)")
                #expect(line.contains(": error: "), "\(line)")
            }
        }
    }

    @Test func generatedHostileInputsAreRefusedFastWithBoundedMemory() throws {
        var bomb = "a0: &a0 [" + Array(repeating: "lol", count: 16).joined(separator: ",") + "]\n"
        var level = 1
        while bomb.utf8.count < 1 << 20 {
            bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 16).joined(separator: ",") + "]\n"
            level += 1
        }
        let hugeList = "x: [" + Array(repeating: "0", count: 1_000_000).joined(separator: ",") + "]\n"
        let fifty = String(repeating: "# padding line of a 50 MiB file\n", count: (50 << 20) / 32)
        let inputs = [("bomb-1mib.yaml", bomb, "document expands"), ("list-1e6.yaml", hugeList, "document expands"),
                      ("fifty-mib.yaml", fifty, "file is too large")]
        for (name, contents, fragment) in inputs {
            let path = try CLI.temporaryFile(contents, name: name)
            #if canImport(Glibc)
            // CPU time and peak memory of the child itself: wall time would measure the machine's load.
            let run = try MeasuredRun.run(["estimate", path])
            #expect(run.cpuSeconds < 1.0, "\(name) took \(run.cpuSeconds) s of CPU")
            #expect(run.maxResidentKiB < 200 * 1024, "\(name) used \(run.maxResidentKiB) KiB")
            #expect(run.status == 2)
            #expect(run.stderr.contains(fragment), "\(name): \(run.stderr)")
            #else
            let result = try CLI.run(["estimate", path])
            #expect(result.status == 1)
            #expect(result.stderr.contains(fragment), "\(name): \(result.stderr)")
            #endif
        }
    }

    @Test func specialFilesAreRefused() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("archcalc-special-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let fifo = base.appendingPathComponent("fifo.yaml").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let loop = base.appendingPathComponent("loop.yaml").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let directory = base.appendingPathComponent("dir.yaml").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (path, fragment) in [(fifo, "not a regular file"), (loop, "too many levels of symbolic links"),
                                 (directory, "is a directory")] {
            let start = Date()
            let result = try CLI.run(["estimate", path])
            #expect(Date().timeIntervalSince(start) < 1.0)
            #expect(result.status == 2)
            #expect(result.stderr.contains(fragment), "\(result.stderr)")
        }
    }

    /// Root reads any file, so this runs (and can fail) only for other users; as root it is reported skipped.
    @Test(.enabled(if: getuid() != 0, "root can read files without permissions"))
    func unreadableFileIsRefused() throws {
        let path = try CLI.temporaryFile("archspec: 1\n", name: "secret.yaml")
        chmod(path, 0)
        let result = try CLI.run(["estimate", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot read"))
    }
}
