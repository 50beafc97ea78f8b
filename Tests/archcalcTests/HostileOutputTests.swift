import Foundation
import Testing

/// Every command and format run on a spec whose name is hostile (workflow commands, every line break, terminal
/// escapes, bidi, SVG elements, CSV and Markdown syntax): outputs parse with real parsers, no line of stdout or
/// stderr starts a workflow command (except lint's intended GitHub output), and no raw control reaches them.
@Suite(.serialized) struct HostileOutputTests {
    static let directory: String = {
        let spec = try! CLI.temporaryFile(Hostile.spec(name: Hostile.nameYAML), name: "hostile.yaml")
        let directory = (spec as NSString).deletingLastPathComponent
        try! Hostile.spec(name: Hostile.leadingYAML).write(toFile: directory + "/leading.yaml", atomically: true, encoding: .utf8)
        return directory
    }()
    static var spec: String { directory + "/hostile.yaml" }
    static var leading: String { directory + "/leading.yaml" }

    static let formatRuns: [(String, [String])] = [
        ("estimate text", ["estimate", spec, leading]), ("estimate exact", ["estimate", spec, "--exact"]),
        ("estimate json", ["estimate", spec, "--format", "json"]),
        ("estimate markdown", ["estimate", spec, leading, "--format", "markdown"]),
        ("estimate csv", ["estimate", spec, leading, "--format", "csv"]),
        ("prune text", ["estimate", spec, "--prune-heads", "25%"]),
        ("prune markdown", ["estimate", spec, "--prune-heads", "25%", "--format", "markdown"]),
        ("prune json", ["estimate", spec, "--prune-heads", "25%", "--format", "json"]),
        ("compare text", ["compare", spec, leading]), ("compare exact", ["compare", leading, spec, "--exact"]),
        ("compare json", ["compare", spec, leading, "--format", "json"]),
        ("compare markdown", ["compare", spec, leading, "--format", "markdown"]),
        ("size text", ["size", spec, "--hardware", "h100-sxm"]),
        ("size json", ["size", spec, "--hardware", "h100-sxm", "--format", "json"]),
        ("size markdown", ["size", spec, "--hardware", "rtx-4090", "--format", "markdown"]),
        ("sweep text", ["size", spec, "--hardware", "h100-sxm", "--sweep", "context=1k..8k"]),
        ("sweep markdown", ["size", spec, "--hardware", "h100-sxm", "--sweep", "batch=1..4", "--format", "markdown"]),
        ("sweep json", ["size", spec, "--hardware", "h100-sxm", "--sweep", "batch=1..4", "--format", "json"]),
        ("lint text", ["lint", spec, leading]), ("lint json", ["lint", spec, "--format", "json"]),
        ("lint sarif", ["lint", spec, "--format", "sarif"]), ("lint github", ["lint", spec, leading, "--format", "github"]),
        ("convert", ["convert", spec]),
    ]

    @Test(arguments: formatRuns.map(\.0))
    func everyFormatIsSafeAndParses(label: String) throws {
        let arguments = try #require(Self.formatRuns.first { $0.0 == label }?.1)
        let result = try CLI.run(arguments)
        #expect([0, 1].contains(result.status), "\(label): exit \(result.status): \(result.stderr)")
        Hostile.expectSafe(result.stdout, "\(label) stdout", commands: label == "lint github")
        Hostile.expectSafe(result.stderr, "\(label) stderr")
        if label.hasSuffix("json") || label == "lint sarif" { _ = Hostile.json(result.stdout, label) }
        if label.hasSuffix("markdown") { Hostile.expectMarkdownTables(result.stdout, label) }
    }

    @Test func jsonKeepsTheNameExactly() throws {
        let result = try CLI.run(["estimate", Self.spec, "--format", "json"])
        let array = try #require((Hostile.json(result.stdout, "estimate json") as? [String: Any])?["estimates"] as? [[String: Any]])
        #expect(array.first?["model"] as? String == Hostile.name)
    }

    @Test func csvKeepsOneRecordPerSpecAndThirteenFields() throws {
        let result = try CLI.run(["estimate", Self.spec, Self.leading, "--format", "csv"])
        let records = Hostile.csvRecords(result.stdout)
        #expect(records.count == 3)
        #expect(records.allSatisfy { $0.count == 13 }, "\(records.map(\.count))")
        #expect(records.dropFirst().allSatisfy { Int($0[1]) != nil && Int($0[3]) != nil })
        #expect(records[1][0].hasPrefix("::error file=README.md"))
    }

    @Test func textShowsTheNameEscapedOnOneLine() throws {
        let result = try CLI.run(["estimate", Self.spec, Self.leading])
        let first = try #require(result.stdout.split(separator: "\n").first)
        #expect(first.hasPrefix(#"\u{3a}:error file=README.md,line=1::owned\n::warning::two\r::notice::three\u{85}nel\u{2028}ls"#))
        #expect(first.contains(#"\u{1b}[31m\u{9b}31m\u{7f}\u{202e}evil\u{2066}\u{600}<script>"#))
        #expect(result.stdout.contains("\\u{20}\u{3000}::warning::lead\\u{202e}x ("))
        let markdown = try CLI.run(["estimate", Self.spec, "--format", "markdown"]).stdout
        #expect(markdown.contains("##\\\\u{5b}error\\]legacy"))
    }

    @Test func convertedSpecReadsBackToTheSameName() throws {
        let converted = try CLI.run(["convert", Self.spec, "-o", Self.directory + "/converted.yaml"])
        #expect(converted.status == 0, "\(converted.stderr)")
        let text = try String(contentsOfFile: Self.directory + "/converted.yaml", encoding: .utf8)
        Hostile.expectSafe(text, "converted YAML")
        let result = try CLI.run(["estimate", Self.directory + "/converted.yaml", "--format", "json"])
        let array = try #require((Hostile.json(result.stdout, "estimate json") as? [String: Any])?["estimates"] as? [[String: Any]])
        #expect(array.first?["model"] as? String == Hostile.name)
    }

    @Test func svgPlotParsesAndHoldsOnlyChartElements() throws {
        let plot = Self.directory + "/plot.svg"
        let result = try CLI.run(["size", Self.spec, "--hardware", "h100-sxm", "--plot", plot])
        Hostile.expectSafe(result.stdout, "size --plot stdout")
        let data = try Data(contentsOf: URL(fileURLWithPath: plot))
        let svg = try #require(SVGElements.parse(data), "the SVG is not well-formed XML")
        let allowed: Set<String> = ["svg", "rect", "line", "text", "polyline", "circle", "defs", "clipPath"]
        #expect(Set(svg.names).isSubset(of: allowed), "\(Set(svg.names).subtracting(allowed))")
        #expect(svg.text.contains("<script>alert(1)</script>>\u{301}<style>"))
        Hostile.expectSafe(String(decoding: data, as: UTF8.self), "svg")
        let pythonCheck = try? CLI.runTool("/usr/bin/env", ["python3", "-c", "import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])", plot])
        if let pythonCheck, pythonCheck.status != 127 { #expect(pythonCheck.status == 0, "python3 xml.etree: \(pythonCheck.stderr)") }
    }

    @Test func hostileHardwareProfileIsShownEscaped() throws {
        let template = try CLI.run(["hardware", "show", "h100-sxm", "--format", "yaml"]).stdout
        var lines = template.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("name: ") { lines[index] = "name: " + Hostile.nameYAML }
            if line.hasPrefix("vendor: ") { lines[index] = #"vendor: "::error::vendor\n##[error]v""# }
            if line.hasPrefix("notes: ") { lines[index] = #"notes: "\u202Enote\r::warning::n""# }
            if line.hasPrefix("  kind: ") { lines[index] = #"  kind: "\e]0;title\a::error::k""# }
        }
        let profile = Self.directory + "/hostile-profile.yaml"
        try lines.joined(separator: "\n").write(toFile: profile, atomically: true, encoding: .utf8)
        for format in ["text", "json", "yaml", "markdown"] {
            let result = try CLI.run(["hardware", "show", profile, "--format", format])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            Hostile.expectSafe(result.stdout, "hardware show \(format)")
            Hostile.expectSafe(result.stderr, "hardware show \(format) stderr")
            if format == "json" { _ = Hostile.json(result.stdout, "hardware json") }
            if format == "markdown" { Hostile.expectMarkdownTables(result.stdout, "hardware markdown") }
        }
        let sized = try CLI.run(["size", Self.spec, "--hardware", profile])
        Hostile.expectSafe(sized.stdout, "size with hostile profile")
    }

    @Test func hostileFileNamesNeverBreakALine() throws {
        let names = ["\n::error file=a::name.yaml", "\r::warning::cr.yaml", "\u{85}::notice::nel\u{202e}.yaml", " ::error::space.yaml"]
        for name in names {
            // Relative names, run from the directory, so a name starts each line that names it.
            let valid = name
            try Hostile.spec(name: "plain").write(toFile: Self.directory + "/" + valid, atomically: false, encoding: .utf8)
            let broken = name + "-broken"
            try "archspec: 1\nname: [unclosed\n".write(toFile: Self.directory + "/" + broken, atomically: false, encoding: .utf8)
            // Values and keys that messages quote: an unknown key, a bad dtype, a string where a number goes.
            let odd = name + "-odd"
            try Hostile.spec(name: "odd").replacingOccurrences(of: "dtype: bf16", with: """
                dtype: "::error::d\\n##[error]\\u202Ex"
                "\\r::error::key\\u2066": 1
                """).replacingOccurrences(of: "layers: 32", with: #"layers: "::warning::\e[2J""#)
                .write(toFile: Self.directory + "/" + odd, atomically: false, encoding: .utf8)
            for arguments in [["estimate", valid, broken, odd], ["estimate", valid, "--format", "markdown"],
                              ["lint", valid, broken, odd], ["lint", odd, "--format", "github"], ["compare", valid, broken],
                              ["size", broken, "--hardware", "h100-sxm"], ["size", odd, "--hardware", "h100-sxm"]] {
                let result = try CLI.runTool(CLI.binary.path, arguments, in: Self.directory)
                let failing = arguments.contains(broken) || arguments.contains(odd)
                #expect((result.status != 0) == failing, "\(arguments): \(result.stderr)")
                if failing { #expect(!(result.stderr + result.stdout).isEmpty) }
                Hostile.expectSafe(result.stdout, "\(arguments[0]) \(name.debugDescription) stdout",
                                   commands: arguments.contains("github"))
                Hostile.expectSafe(result.stderr, "\(arguments[0]) \(name.debugDescription) stderr")
            }
        }
        let scan = try CLI.run(["lint", Self.directory, "--format", "github"])
        Hostile.expectSafe(scan.stdout, "lint directory github", commands: true)
    }

    @Test func oneLineMessagesStayOnOneLine() throws {
        for arguments in [["hardware", "show", "a\n::error::b\u{2028}c"], ["size", Self.spec, "--hardware", "x\r\n::error::y"],
                          ["estimate", "no\nsuch\n::error::file.yaml"]] {
            let result = try CLI.run(arguments)
            #expect(result.status != 0)
            // The message is one line; a usage error (an unknown hardware id is one, found at parse time) is
            // followed by argument-parser's help, usage and "See" lines, which quote nothing the user wrote.
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.first?.contains("::error::") == true, "\(arguments): \(result.stderr)")
            for line in lines.dropFirst() {
                #expect(line.hasPrefix("Help:") || line.hasPrefix("Usage:") || line.hasPrefix("  See "), "\(arguments): \(line)")
            }
            Hostile.expectSafe(result.stderr, "\(arguments) stderr")
        }
    }

    @Test(arguments: [
        ["estimate", "\n::error::missing\u{1b}.yaml"], ["rules", "::error::x\n##[error]y"], ["lint", "--select", "\n::error::s"],
        ["lint", "--tp", "::error::t\r"], ["size", "x.yaml", "--hardware", "h100-sxm", "--context", "\n::error::c"],
        ["size", "/dev/null/\n::error::s.yaml", "--hardware", "h100-sxm"], ["estimate", "--\n::error::option"],
        ["hardware", "show", "\n::error::unknown-\u{202e}device"], ["validate", "x.yaml", "--profile", "\r::error::p"],
        ["calibrate", "--probe", "::error::p\n##[warning]"], ["estimate", "--format", "\n::error::f"],
    ])
    func hostileArgumentsAreEchoedEscaped(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status != 0)
        #expect(!result.stderr.isEmpty)
        Hostile.expectSafe(result.stdout, "\(arguments) stdout")
        Hostile.expectSafe(result.stderr, "\(arguments) stderr")
        // The argument's line break is shown escaped on its own line, not turned into a guarded new line.
        #expect(!result.stderr.contains("\n\\u{3a}:") && !result.stderr.contains("\r"), "\(result.stderr)")
    }
}

extension CLI {
    /// Runs another program (python3 for an independent XML check); status 127 when it is missing.
    static func runTool(_ path: String, _ arguments: [String], in directory: String? = nil) throws -> CLIResult {
        let process = Process()
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }
}
