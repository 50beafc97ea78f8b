import Foundation
import Testing

/// Every `--flag` that README.md, docs/*.md and specs/README.md write in an `archcalc <subcommand> ...` command
/// line exists in that subcommand's `--help`, so the docs never show an option the binary refuses.
struct DocumentedOptionsTests {
    /// One documented command line: where it is, the subcommand path (`size`, `hardware show`) and its flags.
    struct Usage: Hashable {
        var file: String
        var line: Int
        var command: [String]
        var flags: [String]
    }

    /// Subcommand names listed under SUBCOMMANDS in a `--help` text.
    static func subcommands(inHelp help: String) -> [String] {
        guard let start = help.range(of: "SUBCOMMANDS:\n") else { return [] }
        return help[start.upperBound...].split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }.filter { $0 != "See" }
    }

    /// The command lines of one Markdown text: `archcalc` followed by a known subcommand, up to the end of the
    /// line (backslash continuations joined), a comment, a pipe or a redirection.
    static func usages(in text: String, file: String, tree: [String: [String]]) -> [Usage] {
        var usages: [Usage] = []
        let lines = text.components(separatedBy: "\n")
        var index = 0
        while index < lines.count {
            var line = lines[index]
            let number = index + 1
            while line.hasSuffix("\\"), index + 1 < lines.count {
                index += 1
                line = String(line.dropLast()) + " " + lines[index]
            }
            index += 1
            var rest = Substring(line)
            while let found = rest.range(of: "archcalc ") {
                rest = rest[found.upperBound...]
                let segment = rest.prefix { !"`|#;>&)\"".contains($0) }
                let words = segment.split(separator: " ").map(String.init)
                guard let first = words.first, let nested = tree[first] else { continue }
                var command = [first]
                if let second = words.dropFirst().first, nested.contains(second) { command.append(second) }
                let flags = words.filter { $0.hasPrefix("--") && $0.count > 2 }.map { word in
                    String(word.prefix { $0 != "=" && $0 != "," && $0 != "]" && $0 != "." && $0 != ":" })
                }
                if !flags.isEmpty { usages.append(Usage(file: file, line: number, command: command, flags: flags)) }
            }
        }
        return usages
    }

    /// Whether `help` offers `flag` as an option (`--flag <value>`, `--flag, --alias`, `--a, --flag`).
    static func offers(_ help: String, _ flag: String) -> Bool {
        var rest = Substring(help)
        while let found = rest.range(of: flag) {
            let after = rest[found.upperBound...].first
            let before = found.lowerBound > help.startIndex ? help[help.index(before: found.lowerBound)] : " "
            if (after == nil || " ,\n[=<".contains(after!)) && (before == " " || before == "[" || before == "|") { return true }
            rest = rest[found.upperBound...]
        }
        return false
    }

    static func markdownFiles() throws -> [String] {
        let docs = try FileManager.default.contentsOfDirectory(atPath: CLI.path("docs")).filter { $0.hasSuffix(".md") }
        return ["README.md", "specs/README.md"] + docs.sorted().map { "docs/" + $0 }
    }

    @Test func everyDocumentedOptionExistsInItsSubcommandsHelp() throws {
        let root = try CLI.run(["--help"]).stdout
        var tree: [String: [String]] = [:]
        for name in Self.subcommands(inHelp: root) {
            tree[name] = Self.subcommands(inHelp: try CLI.run([name, "--help"]).stdout)
        }
        #expect(tree.count >= 10, "\(tree.keys.sorted())")
        var helps: [[String]: String] = [:]
        var checked = 0
        for file in try Self.markdownFiles() {
            let text = try String(contentsOfFile: CLI.path(file), encoding: .utf8)
            for usage in Self.usages(in: text, file: file, tree: tree) {
                if helps[usage.command] == nil { helps[usage.command] = try CLI.run(usage.command + ["--help"]).stdout }
                let help = helps[usage.command] ?? ""
                for flag in usage.flags {
                    checked += 1
                    #expect(Self.offers(help, flag),
                            "\(usage.file):\(usage.line): 'archcalc \(usage.command.joined(separator: " ")) \(flag)' is not in its --help")
                }
            }
        }
        #expect(checked > 50, "only \(checked) documented options found: is the scan still reading the docs?")
    }

    /// The scanner finds commands in prose, code blocks and continued lines, and the check refuses a missing flag.
    @Test func scannerAndCheckCanFail() {
        let tree = ["size": [], "hardware": ["list", "show"]]
        let text = """
            Run `archcalc size x.yaml --gpus 4 --tp=2` or, continued,
            archcalc hardware show h100 \\
              --format json  # --not-this
            archcalc sizes --bogus and archcalc does --nothing
            """
        let usages = Self.usages(in: text, file: "t.md", tree: tree)
        #expect(usages == [
            Usage(file: "t.md", line: 1, command: ["size"], flags: ["--gpus", "--tp"]),
            Usage(file: "t.md", line: 2, command: ["hardware", "show"], flags: ["--format"]),
        ])
        let help = "OPTIONS:\n  --gpus <gpus>   Devices.\n  --tp, --tensor-parallel <tp>\n"
        #expect(Self.offers(help, "--gpus"))
        #expect(Self.offers(help, "--tp"))
        #expect(Self.offers(help, "--tensor-parallel"))
        #expect(!Self.offers(help, "--gpu"))
        #expect(!Self.offers(help, "--tensor"))
    }

    /// A block marked `<!-- archcalc ARGS -->` and then fenced as text is exactly what `archcalc ARGS` prints.
    @Test func markedOutputBlocksAreTheBinarysOutput() throws {
        var checked = 0
        for file in try Self.markdownFiles() {
            let text = try String(contentsOfFile: CLI.path(file), encoding: .utf8)
            var rest = Substring(text)
            while let marker = rest.range(of: "<!-- archcalc ") {
                rest = rest[marker.upperBound...]
                guard let close = rest.range(of: " -->\n```text\n") else { continue }
                let arguments = rest[..<close.lowerBound].split(separator: " ").map(String.init)
                let body = rest[close.upperBound...]
                guard let end = body.range(of: "```\n") else { continue }
                let result = try CLI.run(arguments)
                #expect(result.status == 0, "\(file): archcalc \(arguments.joined(separator: " "))")
                #expect(String(body[..<end.lowerBound]) == result.stdout,
                        "\(file): the block after <!-- archcalc \(arguments.joined(separator: " ")) --> is stale; paste the binary's output")
                checked += 1
            }
        }
        #expect(checked >= 1)
    }
}
