import ArchSpec
import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LintFormat: EnumArgument {}
extension FailThreshold: EnumArgument {}

extension Archcalc {
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Check architecture specs for errors, inefficiencies and parallelism problems.",
            discussion: """
                Each PATH is a spec file, a directory (searched recursively for *.yaml, *.yml and config.json; \
                YAML files without an archspec: key are skipped) or - for standard input. Settings come from the \
                nearest .archcalc.yaml above each file (up to the repository root); flags override them. \
                'archcalc rules' lists the rules; docs/lint.md documents configuration and suppressions. A spec \
                with a checkpoint beside it (.safetensors, safetensors index or .gguf in its directory), or every \
                spec with --checkpoint, is held against the checkpoint's tensors (rules AC7xx, docs/checkpoints.md). \
                A named file that does not parse is a finding; one that cannot be read is an I/O error.

                """ + "\n" + ExitStatus.help(success: "no finding at or above --fail-on",
                                      no: "findings at or above --fail-on (a file that does not parse is a finding)"))

        @Argument(help: "Spec files or directories to lint; - reads standard input. Default: the current directory.",
                  completion: specCompletion)
        var paths: [String] = []

        @Option(help: "Output format: \(LintFormat.choices). Default: github when GITHUB_ACTIONS is true, otherwise text.")
        var format: LintFormat?

        @OptionGroup var output: OutputOptions

        @Option(help: "Use this configuration file instead of searching for .archcalc.yaml.")
        var config: String?

        @Flag(help: "Ignore configuration files; use built-in defaults and flags only.")
        var isolated = false

        @Option(help: "Run only these rules: codes, names or code prefixes, comma-separated (replaces the config's select).")
        var select: [String] = []

        @Option(help: "Skip these rules: codes, names or code prefixes, comma-separated (added to the config's ignore).")
        var ignore: [String] = []

        @Option(name: .customLong("tp"), help: "Tensor-parallel degrees to check against, comma-separated (replaces the config's).")
        var tensor: [String] = []

        @Option(name: .customLong("pp"), help: "Pipeline-parallel degrees to check against, comma-separated.")
        var pipeline: [String] = []

        @Option(name: .customLong("ep"), help: "Expert-parallel degrees to check against, comma-separated.")
        var expert: [String] = []

        @Option(name: .customLong("context"), help: "A serving context (4096, 8k, 128k) to check against each spec's context_length.")
        var servingContext: TokenCount?

        @Option(help: "Lowest severity that makes the exit code 1: error, warning, info or never. Default: the config's fail-on, else error.")
        var failOn: FailThreshold?

        @Flag(help: "Fail on warnings too (the same as --fail-on warning).")
        var strict = false

        @Option(help: "The name to report for standard input.")
        var stdinFilename = "-"

        @Option(help: "Hold every spec against this checkpoint: a .safetensors file, a safetensors index, a checkpoint directory or a .gguf file (rules AC7xx).")
        var checkpoint: String?

        @Flag(help: "Skip named files that are not specs (no archspec: key; for JSON, not a config.json with model_type), as directory scans do. For pre-commit, which names every staged file.")
        var skipNonSpecs = false

        func validate() throws {
            _ = try overrides()
        }

        func run() throws {
            try Output.refuseOverwriting(outputs: [output.output], inputs: (paths.isEmpty ? ["."] : paths) + (config.map { [$0] } ?? []))
            var request = LintRequest(
                paths: paths.isEmpty ? ["."] : paths, configPath: config, isolated: isolated, overrides: try overrides(),
                stdinName: stdinFilename)
            if paths.contains("-") {
                do { request.stdin = try FileInput.read("-") } catch { request.stdinFailure = error }
            }
            request.skipNonSpecs = skipNonSpecs
            let run: LintRun
            do {
                run = try CheckpointLint.run(request, checkpoint: checkpoint)
            } catch {
                throw CommandFailure(.failure, lines: [error.description])
            }
            let onGitHub = getenv("GITHUB_ACTIONS").map { String(cString: $0) } == "true"
            let chosen = format ?? (onGitHub ? .github : .text)
            let report = chosen.renderer(toolVersion: ArchcalcVersion.number).render(run)
            let toTerminal = (output.output.map { $0 == "-" } ?? true) && Terminal.colourOnStandardOutput
            let colour = chosen == .text && toTerminal
            try output.emit(colour ? Style.colourSeverities(in: report) : report)
            if !run.ioErrors.isEmpty { throw CommandFailure(.failure, lines: run.ioErrors.map { "error: \($0)" }) }
            let threshold = strict ? .warning : failOn ?? run.failOn ?? .error
            if run.findings.contains(where: { threshold.fails($0.diagnostic.severity) }) { throw CommandFailure.no }
        }

        func overrides() throws -> LintOverrides {
            var result = LintOverrides(servingContext: servingContext?.value)
            if !select.isEmpty { result.select = try LintFlags.codes(select, flag: "--select") }
            result.ignore = try LintFlags.codes(ignore, flag: "--ignore")
            for (kind, values) in [(ParallelismKind.tensor, tensor), (.pipeline, pipeline), (.expert, expert)] where !values.isEmpty {
                result.parallelism[kind] = try LintFlags.degrees(values, flag: kind.flag)
            }
            return result
        }
    }
}

/// Parsing of comma-separated flag values.
enum LintFlags {
    static func items(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { String($0).filter { $0 != " " } } }.filter { !$0.isEmpty }
    }

    static func codes(_ values: [String], flag: String) throws -> Set<String> {
        var result: Set<String> = []
        for item in items(values) {
            let codes = RuleCatalog.codes(matching: item)
            if codes.isEmpty {
                let hint = RuleCatalog.suggestion(for: item).map { "; did you mean \($0)?" } ?? ""
                throw ValidationError("\(flag): unknown rule '\(Escaping.short(item))'\(hint)")
            }
            result.formUnion(codes)
        }
        return result
    }

    static func degrees(_ values: [String], flag: String) throws -> [Int] {
        try items(values).map { item in
            guard let value = Int(item), value >= 1 else { throw ValidationError("\(flag) takes positive integers, got '\(Escaping.short(item))'") }
            return value
        }
    }
}
