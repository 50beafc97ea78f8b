import Foundation
import Testing

/// The command-line contract of issue 12: one exit-status meaning, one error path, one vocabulary of flags,
/// `-o` everywhere, "did you mean" for subcommands, the running subcommand's usage after parsing, colour rules
/// and `--version` with the commit. Every test runs the built binary.
struct CLIContractTests {
    static let missing = "/nonexistent/archcalc-missing.yaml"
    static let gpt2 = "specs/gpt2.yaml"
    static let llama = "specs/llama-3-8b.yaml"

    /// Every command path, for the help and `-o` checks.
    static let commands: [[String]] = [
        ["estimate"], ["schema"], ["convert"], ["compare"], ["size"], ["hardware"], ["hardware", "list"],
        ["hardware", "show"], ["lint"], ["rules"], ["calibrate"], ["validate"], [],
    ]

    @Test(arguments: commands)
    func everyHelpStatesTheSameExitCodes(command: [String]) throws {
        let result = try CLI.run(command + ["--help"])
        #expect(result.status == 0)
        let text = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Exit codes: 0 "), "\(command)")
        #expect(text.contains("2 a usage, configuration or I/O error (a bad flag, a spec or profile that cannot be loaded, an output that cannot be written)."), "\(command)")
    }

    /// A spec that cannot be loaded is status 2 in every command that loads one (lint calls it a finding: 1).
    @Test(arguments: [
        ["estimate", missing], ["compare", gpt2, missing], ["convert", missing],
        ["size", missing, "--hardware", "h100-sxm"], ["calibrate", "--spec", missing],
        ["estimate", gpt2, "--prune-heads", "2", missing],
    ])
    func unloadableSpecExitsTwo(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("no such file"), "\(result.stderr)")
    }

    @Test func validateWithUnloadableSpecExitsTwo() throws {
        let profile = try CLI.temporaryFile("version: 1\n", name: "profile.yaml")
        let result = try CLI.run(["validate", Self.missing, "--profile", profile])
        #expect(result.status == 2, "\(result.stderr)")
    }

    @Test func unwritableOutputsExitTwo() throws {
        let lint = try CLI.run(["lint", Self.gpt2, "-o", "/nonexistent/dir/report.txt"])
        #expect(lint.status == 2, "\(lint.stderr)")
        #expect(lint.stderr.contains("cannot write"))
        // The configuration fits (status 0 without --plot): a plot that cannot be written is an I/O error.
        let plot = try CLI.run(["size", Self.llama, "--hardware", "h100-sxm", "--plot", "/nonexistent/dir/chart.svg"])
        #expect(plot.status == 2, "\(plot.stderr)")
        #expect(plot.stderr.contains("cannot write"))
    }

    @Test func doesNotFitIsOneAndFitsIsZero() throws {
        #expect(try CLI.run(["size", Self.llama, "--hardware", "h100-sxm"]).status == 0)
        let no = try CLI.run(["size", "specs/llama-3.1-405b.yaml", "--hardware", "h100-sxm", "--gpus", "1"])
        #expect(no.status == 1, "\(no.stderr)")
    }

    /// The same workload flags, aliases and value syntax in every command that takes a workload.
    @Test func sizeTakesDtypeAndContextSuffixes() throws {
        let alias = try CLI.run(["size", Self.llama, "--hardware", "h100-sxm", "--dtype", "int8", "--context", "4k"])
        #expect(alias.status == 0, "\(alias.stderr)")
        #expect(alias.stdout.contains("weights int8"))
        #expect(alias.stdout.contains("context 4096"))
        let long = try CLI.run(["size", Self.llama, "--hardware", "h100-sxm", "--weights-dtype", "int8", "--context", "4k"])
        #expect(long.stdout == alias.stdout)
    }

    @Test func lintAndValidateTakeContextSuffixes() throws {
        let lint = try CLI.run(["lint", Self.llama, "--context", "16k", "--isolated"])
        #expect(lint.status == 1, "\(lint.stderr)")
        #expect(lint.stdout.contains("serving context 16384"))
        let profile = try CLI.temporaryFile("version: 1\n", name: "profile.yaml")
        let validate = try CLI.run(["validate", Self.gpt2, "--profile", profile, "--context", "1k"])
        #expect(!validate.stderr.contains("--context"), "\(validate.stderr)")
        #expect(validate.status == 2)  // the profile is not a calibration profile: a configuration error
        let tooLong = try CLI.run(["validate", Self.gpt2, "--profile", profile, "--context", "2m"])
        #expect(tooLong.status == 2)
        #expect(tooLong.stderr.contains("--context must be 1...1048576"))
    }

    /// `-o` writes the result a command would print, in every command that prints one.
    @Test(arguments: [
        ["size", llama, "--hardware", "h100-sxm"], ["hardware", "list"], ["hardware", "show", "h100-sxm"],
        ["rules"], ["rules", "AC103"], ["schema"], ["estimate", gpt2], ["compare", gpt2, llama], ["convert", gpt2],
        ["lint", gpt2, "--isolated"],
    ])
    func outputOptionWritesWhatStandardOutputWould(arguments: [String]) throws {
        let printed = try CLI.run(arguments)
        let path = try CLI.temporaryFile("", name: "out.txt")
        let written = try CLI.run(arguments + ["-o", path])
        #expect(written.status == printed.status, "\(written.stderr)")
        #expect(written.stdout.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == printed.stdout)
        #expect(!printed.stdout.isEmpty)
    }

    @Test func misspeltSubcommandsAreSuggested() throws {
        let root = try CLI.run(["estmate", Self.gpt2])
        #expect(root.status == 2)
        #expect(root.stdout.isEmpty)
        #expect(root.stderr.contains("unknown command 'estmate'; did you mean 'estimate'?"), "\(root.stderr)")
        let nested = try CLI.run(["hardware", "shw", "h100-sxm"])
        #expect(nested.status == 2)
        #expect(nested.stderr.contains("did you mean 'show'?"), "\(nested.stderr)")
        #expect(nested.stderr.contains("Usage: archcalc hardware <subcommand>"))
        let far = try CLI.run(["frobnicate"])
        #expect(far.status == 2)
        #expect(far.stderr.contains("unknown command 'frobnicate'") && !far.stderr.contains("did you mean"))
    }

    /// An error found after parsing prints the usage of the subcommand that was running, not the root's.
    @Test func errorsAfterParsingPrintTheSubcommandsUsage() throws {
        let result = try CLI.run(["rules", "AC9999"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Usage: archcalc rules"), "\(result.stderr)")
        #expect(result.stderr.contains("See 'archcalc rules --help'"))
        #expect(!result.stderr.contains("archcalc <subcommand>"))
        let hardware = try CLI.run(["size", Self.gpt2, "--hardware", "h10"])
        #expect(hardware.status == 2)
        #expect(hardware.stderr.contains("did you mean"), "\(hardware.stderr)")
        #expect(hardware.stderr.contains("Usage: archcalc size"))
    }

    @Test func parseTimeOptionTypesRejectBadValues() throws {
        for (flag, value) in [("--reserve", "lots"), ("--weight-scales", "per-nothing"), ("--kv-scales", "x"),
                              ("--sweep", "context=9..1")] {
            let result = try CLI.run(["size", Self.gpt2, "--hardware", "h100-sxm", flag, value])
            #expect(result.status == 2, "\(flag)")
            #expect(result.stderr.contains("invalid for '\(flag)"), "\(flag): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        let anyCount = try CLI.run(["size", Self.gpt2, "--hardware", "h100-sxm", "--sweep", "batch=1..64+1", "--any-count"])
        #expect(anyCount.status == 2)
        #expect(anyCount.stderr.contains("the limit with --any-count is 16"), "\(anyCount.stderr)")
    }

    /// Colour only on a terminal, unless FORCE_COLOR; NO_COLOR turns it off.
    @Test func colourFollowsTheEnvironment() throws {
        let plain = try CLI.run(["estimate", Self.missing], environment: ["PATH": "/usr/bin:/bin"])
        #expect(!plain.stderr.contains("\u{1B}["))
        let forced = try CLI.run(["estimate", Self.missing], environment: ["FORCE_COLOR": "1"])
        #expect(forced.stderr.contains("\u{1B}[1;31merror:\u{1B}[0m"), "\(forced.stderr)")
        let lint = try CLI.run(["lint", Self.gpt2, "--isolated"], environment: ["FORCE_COLOR": "1"])
        #expect(lint.stdout.contains("\u{1B}[1;33mwarning:\u{1B}[0m"), "\(lint.stdout)")
        let json = try CLI.run(["lint", Self.gpt2, "--isolated", "--format", "json"], environment: ["FORCE_COLOR": "1"])
        #expect(!json.stdout.contains("\u{1B}"))
        let off = try CLI.run(["estimate", Self.missing], environment: ["NO_COLOR": "1"])
        #expect(!off.stderr.contains("\u{1B}["))
        let zero = try CLI.run(["estimate", Self.missing], environment: ["FORCE_COLOR": "0"])
        #expect(!zero.stderr.contains("\u{1B}["))
    }

    /// `--version` names the commit this checkout is at (the VersionStamp plugin writes it at build time).
    @Test func versionNamesTheCommit() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("0.1.0 (commit "), "\(result.stdout)")
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", CLI.root, "rev-parse", "--short=12", "HEAD"]
        let pipe = Pipe()
        git.standardOutput = pipe
        git.standardError = FileHandle.nullDevice
        guard (try? git.run()) != nil else { return }
        git.waitUntilExit()
        guard git.terminationStatus == 0 else { return }
        let head = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        // The plugin stamps every build, so the binary names HEAD, or an ancestor of HEAD when tests run with
        // --skip-build after a commit.
        let commit = String(result.stdout.dropFirst("0.1.0 (commit ".count).prefix(12))
        let ancestor = Process()
        ancestor.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        ancestor.arguments = ["git", "-C", CLI.root, "merge-base", "--is-ancestor", commit, "HEAD"]
        try ancestor.run()
        ancestor.waitUntilExit()
        #expect(commit == head || ancestor.terminationStatus == 0, "\(result.stdout) vs \(head)")
    }
}

/// Shell completions offer spec files and the catalog's hardware ids.
struct CompletionTests {
    @Test func bashCompletesSpecFilesAndHardwareIds() throws {
        let script = try CLI.run(["--generate-completion-script", "bash"])
        #expect(script.status == 0)
        #expect(script.stdout.contains("'!*.@(yaml|yml|json)'"))
        #expect(script.stdout.contains("---completion size -- --hardware"))
        // What the script runs when the user types `archcalc size --hardware h<TAB>`.
        let offered = try CLI.run(["---completion", "size", "--", "--hardware", "3", "1", "archcalc", "size", "--hardware", "h"])
        #expect(offered.status == 0)
        let ids = offered.stdout.split(separator: "\n").map(String.init)
        #expect(ids.contains("h100-sxm") && ids.contains("h200"), "\(ids)")
        #expect(ids.allSatisfy { $0.hasPrefix("h") })
    }

    @Test(arguments: ["zsh", "fish"])
    func otherShellsGetTheSameCompletions(shell: String) throws {
        let script = try CLI.run(["--generate-completion-script", shell])
        #expect(script.status == 0)
        #expect(script.stdout.contains("---completion size -- --hardware"))
        #expect(script.stdout.contains("yaml"))
    }
}
