import Foundation
import Testing

#if canImport(Glibc)
import Glibc

/// Every command's output path end to end: nothing is replaced that should not be, an input is never
/// overwritten, a signal mid-write leaves no temporary file.
struct OutputSafetyTests {
    static func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("archcalc-out-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func copySpec(to directory: String, name: String = "spec.yaml") throws -> String {
        let path = directory + "/" + name
        try FileManager.default.copyItem(atPath: CLI.path("specs/gpt2.yaml"), toPath: path)
        return path
    }

    static func leftovers(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasPrefix(".archcalc-") }
    }

    /// Each command given one of its inputs as its output: exit 2 and one line before any work, input unchanged.
    static let sameAsInput: [(String, [String])] = [
        ("estimate", ["estimate", "SPEC", "-o", "SPEC"]),
        ("estimate via a link", ["estimate", "SPEC", "-o", "LINK"]),
        ("compare", ["compare", "SPEC", "OTHER", "--output", "OTHER"]),
        ("convert", ["convert", "SPEC", "-o", "DIR/./spec.yaml"]),
        ("lint a file", ["lint", "SPEC", "-o", "SPEC"]),
        ("lint a directory", ["lint", "DIR", "-o", "OTHER"]),
        ("size --plot", ["size", "SPEC", "--hardware", "h100-sxm", "--plot", "SPEC"]),
        ("size -o", ["size", "SPEC", "--hardware", "h100-sxm", "-o", "SPEC"]),
        ("size -o and --plot", ["size", "SPEC", "--hardware", "h100-sxm", "-o", "DIR/c.svg", "--plot", "DIR/c.svg"]),
        ("validate -o", ["validate", "SPEC", "--profile", "OTHER", "-o", "OTHER"]),
        ("calibrate --output", ["calibrate", "--spec", "SPEC", "--output", "SPEC"]),
        ("calibrate, two outputs", ["calibrate", "--output", "DIR/p.yaml", "--hardware-profile", "DIR/p.yaml"]),
    ]

    @Test(arguments: sameAsInput)
    func anInputIsNeverTheOutput(name: String, template: [String]) throws {
        let dir = try Self.directory()
        let spec = try Self.copySpec(to: dir), other = try Self.copySpec(to: dir, name: "other.yaml")
        symlink(spec, dir + "/link.yaml")
        let original = try String(contentsOfFile: spec, encoding: .utf8)
        let arguments = template.map {
            $0.replacingOccurrences(of: "SPEC", with: spec).replacingOccurrences(of: "OTHER", with: other)
                .replacingOccurrences(of: "LINK", with: dir + "/link.yaml").replacingOccurrences(of: "DIR", with: dir)
        }
        let run = try MeasuredRun.run(arguments)
        #expect(run.status == 2, "\(name): \(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(name): \(run.stderr)")
        #expect(run.stderr.hasPrefix("error: ") && run.stderr.contains("refusing to overwrite")
                    || run.stderr.contains("is named as two outputs"), "\(name): \(run.stderr)")
        #expect(run.cpuSeconds < 2, "\(name): \(run.cpuSeconds) s")  // refused before any work (calibrate runs minutes)
        #expect(try String(contentsOfFile: spec, encoding: .utf8) == original)
        #expect(try String(contentsOfFile: other, encoding: .utf8) == original)
        #expect(!FileManager.default.fileExists(atPath: dir + "/p.yaml"))
    }

    @Test func sigtermMidWriteLeavesNoTemporaryFile() throws {
        let dir = try Self.directory(), spec = try Self.copySpec(to: dir), report = dir + "/report.txt"
        try "previous report\n".write(toFile: report, atomically: false, encoding: .utf8)
        // posix_spawn with default dispositions and an empty mask: the test runner's threads block SIGTERM,
        // and a spawned child would inherit that.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let binary: String = CLI.binary.path
        let arguments: [String] = [binary, "estimate", spec, "-o", report]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var environment = ProcessInfo.processInfo.environment
        environment["ARCHCALC_TEST_PAUSE_MID_WRITE"] = "1"
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        #expect(posix_spawn(&pid, binary, &actions, &attributes, argv, envp) == 0)
        // The writer pauses once its temporary file exists; wait for it (bounded), then SIGTERM.
        var seen: [String] = []
        for _ in 0..<400 where seen.isEmpty {
            seen = Self.leftovers(dir)
            if seen.isEmpty { usleep(25_000) }
        }
        #expect(seen.count == 1, "no temporary file appeared")
        kill(pid, SIGTERM)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        #expect(status & 0x7f == SIGTERM, "status \(status)")  // ended by the re-raised signal
        #expect(Self.leftovers(dir).isEmpty)
        #expect(try String(contentsOfFile: report, encoding: .utf8) == "previous report\n")
    }

    /// A new file gets 0666 & ~umask, as a shell redirection does; an existing 0600 file stays 0600.
    @Test func modesFollowTheUmaskAndTheExistingFile() throws {
        let dir = try Self.directory(), spec = try Self.copySpec(to: dir)
        let script = "umask 027 && exec \"$0\" estimate \"$1\" -o \"$2\""
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", script, CLI.binary.path, spec, dir + "/new.txt"]
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        var info = stat()
        #expect(stat(dir + "/new.txt", &info) == 0 && info.st_mode & 0o777 == 0o640)
        try "secret\n".write(toFile: dir + "/private.txt", atomically: false, encoding: .utf8)
        chmod(dir + "/private.txt", 0o600)
        let result = try CLI.run(["estimate", spec, "-o", dir + "/private.txt"])
        #expect(result.status == 0)
        #expect(stat(dir + "/private.txt", &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: dir + "/private.txt", encoding: .utf8).contains("gpt2"))
    }

    /// `-o` naming a FIFO through a symlink (as `/dev/stdout` is): written through, both stay what they were.
    @Test func aFIFOBehindASymlinkIsWrittenThrough() throws {
        let dir = try Self.directory(), spec = try Self.copySpec(to: dir), fifo = dir + "/pipe", link = dir + "/stdout"
        #expect(mkfifo(fifo, 0o600) == 0)
        symlink(fifo, link)
        let reader = FIFOReader(fifo)
        let result = try CLI.run(["estimate", spec, "--format", "csv", "-o", link])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(reader.wait()?.hasPrefix("model,") == true)
        var info = stat()
        #expect(lstat(link, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(Self.leftovers(dir).isEmpty)
    }

    @Test func anUnwritableOutputIsOneLineAndExitTwo() throws {
        let dir = try Self.directory(), spec = try Self.copySpec(to: dir)
        for (output, message) in [(dir + "/missing/out.txt", "cannot write: No such file or directory"),
                                  (dir, "is a directory, not an output file")] {
            let result = try CLI.run(["convert", spec, "-o", output])
            #expect(result.status == 2)
            #expect(result.stderr == "error: \(output): \(message)\n")
        }
        #expect(Self.leftovers(dir).isEmpty)
    }
}

#endif
