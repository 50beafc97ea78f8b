import Foundation
import Testing

/// scripts/install.sh with the built binary (no release build, no plugin run inside `swift test`): the binary,
/// the man page it is given and the three completion scripts land under PREFIX, and the installed binary runs.
struct InstallScriptTests {
    @Test func installsBinaryManualAndCompletionsUnderPrefix() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("archcalc-install-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let manual = try CLI.temporaryFile(".TH ARCHCALC 1\n.SH NAME\narchcalc\n", name: "archcalc.1")
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/bin/bash")
        script.arguments = [CLI.path("scripts/install.sh")]
        var environment = ProcessInfo.processInfo.environment
        environment["PREFIX"] = prefix
        environment["ARCHCALC_BINARY"] = CLI.binary.path
        environment["ARCHCALC_MANUAL"] = manual
        environment["STRIP"] = "0"
        script.environment = environment
        let out = Pipe()
        script.standardOutput = out
        try script.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        script.waitUntilExit()
        #expect(script.terminationStatus == 0)
        #expect(printed.hasPrefix("installed archcalc 0.1.0 (commit "), "\(printed)")

        let installed = prefix + "/bin/archcalc"
        #expect(FileManager.default.isExecutableFile(atPath: installed))
        #expect(try String(contentsOfFile: prefix + "/share/man/man1/archcalc.1", encoding: .utf8).hasPrefix(".TH ARCHCALC"))
        let bash = try String(contentsOfFile: prefix + "/share/bash-completion/completions/archcalc", encoding: .utf8)
        #expect(bash.contains("---completion size -- --hardware") && bash.contains("yaml|yml|json"))
        #expect(FileManager.default.fileExists(atPath: prefix + "/share/zsh/site-functions/_archcalc"))
        #expect(FileManager.default.fileExists(atPath: prefix + "/share/fish/vendor_completions.d/archcalc.fish"))
        let version = try CLI.runTool(installed, ["--version"], in: CLI.root)
        #expect(version.status == 0 && version.stdout.hasPrefix("0.1.0 (commit "))
    }
}
