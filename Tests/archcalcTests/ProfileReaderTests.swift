import Foundation
import Testing

#if canImport(Glibc)
import Glibc

/// Hardware and calibration profiles go through the same input checks as specs, and the limits on
/// `validate --threads` and `size --sweep`: each refusal is one line, within 2 s of CPU and 200 MiB.
struct ProfileReaderTests {
    static let spec = CLI.path("specs/gpt2.yaml")

    static func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("archcalc-prof-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A passwd-like file and a `.env` file in a fresh directory: what a hostile symlink may point at.
    static func secretFiles() throws -> (directory: String, files: [String]) {
        let dir = try directory(), passwd = dir + "/passwd", env = dir + "/secrets.env"
        try "root:x:0:0:root:/root:/bin/bash\nsecretuser:x:1000:1000::/home/secretuser:/bin/sh\n"
            .write(toFile: passwd, atomically: false, encoding: .utf8)
        try "API_TOKEN_SECRET: hunter2hunter2\nDB_PASSWORD_SECRET: hunter3\n".write(toFile: env, atomically: false, encoding: .utf8)
        return (dir, [passwd, env])
    }

    static func expectBounded(_ run: MeasuredRun, _ label: String) {
        #expect(run.cpuSeconds < 2, "\(label): \(run.cpuSeconds) s of CPU")
        #expect(run.maxResidentKiB < 200 * 1024, "\(label): \(run.maxResidentKiB) KiB")
    }

    /// The message lines, without validate's debug-build warning.
    static func errorLines(_ stderr: String) -> [Substring] {
        stderr.split(separator: "\n").filter { !$0.hasPrefix("warning: debug build") }
    }

    static func validate(profile: String) throws -> MeasuredRun {
        try MeasuredRun.run(["validate", spec, "--profile", profile])
    }

    @Test func aFIFOProfileIsRefusedWithoutBlocking() throws {
        let dir = try Self.directory(), fifo = dir + "/profile.yaml"
        #expect(mkfifo(fifo, 0o600) == 0)
        let run = try Self.validate(profile: fifo)  // would block forever on open() before
        #expect(run.status == 2)
        #expect(Self.errorLines(run.stderr) == ["error: \(fifo): not a regular file"])
        Self.expectBounded(run, "fifo")
    }

    @Test func aHugeProfileIsRefusedFromItsSize() throws {
        let dir = try Self.directory(), path = dir + "/huge.yaml"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("version: 1\n".utf8)))
        #expect(truncate(path, 64 << 20) == 0)  // 64 MiB, sparse: no disk used
        let run = try Self.validate(profile: path)
        #expect(run.status == 2)
        #expect(Self.errorLines(run.stderr) == ["error: \(path): file is too large (67108864 bytes; the limit is 4194304 bytes)"])
        Self.expectBounded(run, "64 MiB")
    }

    /// Just under the 4 MiB limit and within the 250,000-node budget (about 130,000 nodes), so both YAML
    /// parsers build their trees; the decode then stops at the first missing key.
    @Test func aFourMiBProfileStaysBounded() throws {
        let dir = try Self.directory(), path = dir + "/big.yaml"
        var text = "version: 1\nid: big\ngemm:\n"
        let row = "  - {threads: 1, source: \"" + String(repeating: "x", count: 200) + "\", samples_s: [1.0e-3, 2.0e-3]}\n"
        while text.utf8.count + row.utf8.count < 4 << 20 - 64 { text += row }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let run = try Self.validate(profile: path)
        #expect(run.status == 2)
        #expect(Self.errorLines(run.stderr).count == 1, "\(run.stderr)")
        Self.expectBounded(run, "4 MiB")
    }

    /// Yams' and Foundation's error text (several lines, `DecodingError.typeMismatch`, `CodingKeys(...)`) is
    /// replaced by one located line.
    @Test(arguments: [
        ("version: one\nid: x\n", ":1:10: version must be an integer"),
        ("version: 1\nid: x\n", ":1:1: missing key 'measured_at'"),
        ("version: [1\n", ":2:1: invalid YAML: did not find expected ',' or ']'"),
        ("- version\n- 1\n", ":1:1: not a calibration profile: expected a mapping, got a list"),
    ])
    func calibrationProfileErrorsAreOneLocatedLine(text: String, expected: String) throws {
        let dir = try Self.directory(), path = dir + "/profile.yaml"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let run = try Self.validate(profile: path)
        #expect(run.status == 2)
        let lines = Self.errorLines(run.stderr)
        #expect(lines.count == 1 && lines[0].hasPrefix("error: \(path)\(expected)"), "\(run.stderr)")
        #expect(!run.stderr.contains("DecodingError") && !run.stderr.contains("CodingKeys"))
    }

    /// A profile path that is a symlink to some other file (here a passwd-like one and a key: value file)
    /// is named as not a profile, and none of its content is printed.
    @Test func aLinkToAnotherFileIsNotQuoted() throws {
        let (dir, targets) = try Self.secretFiles()
        for target in targets {
            let link = dir + "/profile-\(UUID().uuidString).yaml"
            symlink(target, link)
            for arguments in [["validate", Self.spec, "--profile", link], ["size", Self.spec, "--hardware", link]] {
                let run = try MeasuredRun.run(arguments)
                #expect(run.status == 2)
                let lines = Self.errorLines(run.stderr)
                #expect(lines.count == 1 && lines[0].contains("not a ") && lines[0].contains("profile"), "\(run.stderr)")
                #expect(!run.stderr.contains("secret") && !run.stderr.contains("SECRET") && !run.stderr.contains("hunter"),
                        "\(run.stderr)")
            }
        }
    }

    /// A spec path that is a symlink to another file (named explicitly, so it is read): every command that reads
    /// specs says it is not a spec and quotes none of it, lint included (no snippet).
    @Test func aSpecLinkToAnotherFileIsNotQuoted() throws {
        let (dir, targets) = try Self.secretFiles()
        for target in targets {
            let link = dir + "/spec-\(UUID().uuidString).yaml"
            symlink(target, link)
            for arguments in [["estimate", link], ["compare", link, Self.spec], ["convert", link], ["lint", link],
                              ["size", link, "--hardware", "h100-sxm"]] {
                let run = try CLI.run(arguments)
                #expect(run.status != 0, "\(arguments)")
                let output = run.stdout + run.stderr
                #expect(output.contains("not an archspec spec") || output.contains("expected a mapping"), "\(arguments): \(output)")
                #expect(!output.contains("secret") && !output.contains("SECRET") && !output.contains("hunter"),
                        "\(arguments): \(output)")
            }
        }
    }

    @Test func hardwareProfileErrorsAreOneLineWithCappedSnippets() throws {
        let dir = try Self.directory(), path = dir + "/hw.yaml"
        let long = String(repeating: "x", count: 5000)
        try "id: x\nname: X\nvendor: v\nmemory: \"\(long)\"\n".write(toFile: path, atomically: false, encoding: .utf8)
        let run = try MeasuredRun.run(["size", Self.spec, "--hardware", path])
        #expect(run.status == 2)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("error: \(path):4:9: memory: '"))
        #expect(run.stderr.utf8.count < 400)
        let unknown = dir + "/unknown.yaml"
        try "id: x\n\(long): 1\n".write(toFile: unknown, atomically: false, encoding: .utf8)
        let second = try MeasuredRun.run(["size", Self.spec, "--hardware", unknown])
        #expect(second.status == 2 && second.stderr.utf8.count < 400, "\(second.stderr)")
    }

    @Test(arguments: [["validate", spec, "--profile", "unused.yaml"], ["calibrate", "--quick"]])
    func threadsAreBoundedByThisMachine(command: [String]) throws {
        let run = try MeasuredRun.run(command + ["--threads", "1024"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--threads must be 1..."), "\(run.stderr)")
        Self.expectBounded(run, "\(command[0]) --threads 1024")
    }

    @Test func sweepsBeyondTheLimitAreUsageErrors() throws {
        for (sweep, extra) in [("context=1..10000+1", [String]()), ("context=1k..128k:10000", []), ("batch=1..100000+1", []),
                               ("batch=1..257+1", []), ("batch=1..1m:17", ["--any-count"]), ("batch=1..1m", ["--any-count"])] {
            let run = try MeasuredRun.run(["size", Self.spec, "--hardware", "h100-sxm", "--sweep", sweep] + extra)
            #expect(run.status == 2)
            let limit = extra.isEmpty ? "256" : "16"
            // Parsed at parse time (argument-parser names the option and the value); the --any-count limit is
            // checked once every flag is known.
            #expect(run.stderr.hasPrefix("Error: ") && run.stderr.contains("--sweep") && run.stderr.contains(limit), "\(run.stderr)")
            Self.expectBounded(run, sweep)
        }
    }

    /// The largest sweep allowed, on a small model (a debug build sizes each point several times slower
    /// than release; docs/hardening.md gives release figures for the large models).
    @Test func theLargestSweepStaysBounded() throws {
        let run = try MeasuredRun.run(["size", Self.spec, "--hardware", "h100-sxm", "--sweep", "context=1..256+1"])
        #expect(run.status == 0, "\(run.stderr)")
        Self.expectBounded(run, "256-point sweep")
        let any = try MeasuredRun.run(["size", Self.spec, "--hardware", "l4", "--any-count", "--sweep", "batch=1..1m:16"])
        #expect(any.status == 0, "\(any.stderr)")
        Self.expectBounded(any, "16-point --any-count sweep")
    }
}
#endif
