import ArchSpec
import ArgumentParser

enum ValidateFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
}

extension Archcalc {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a real forward pass of a spec on this machine and compare it with the profile's prediction.",
            discussion: """
                Builds SPEC with random fp32 weights (refusing when weights, KV cache and activations would not fit \
                in 80% of available memory), runs a prefill of --context tokens and --decode-steps decode steps \
                with a KV cache through the same kernels `archcalc calibrate` measures, and prints predicted against \
                measured time per phase, then per operator (prefill and decode step); error is (predicted - measured) / \
                measured, decode per step. Every layer kind of the spec's layer plan runs, except DeepSeek sparse \
                attention's indexer and cross-layer KV sharing, which are refused by name. \
                For the best prediction, calibrate with --spec SPEC so the profile holds the spec's own shapes.

                Exit codes: 0 the comparison ran; 1 the spec could not be loaded or would not fit; 2 a usage or I/O error.
                """)

        @Argument(help: "The spec to run: archspec YAML or Hugging Face config.json.")
        var spec: String

        @Option(help: "A profile written by archcalc calibrate.")
        var profile: String

        @Option(help: "Prompt tokens for the prefill.")
        var context = 512

        @Option(help: "Decode steps to time after the prefill.")
        var decodeSteps = 16

        @Option(help: "Threads. Default: the most the profile measured.")
        var threads: Int?

        @Option(help: "Output format: text or json.")
        var format: ValidateFormat = .text

        func validate() throws {
            if context < 1 || context > 1 << 20 { throw ValidationError("--context must be 1...1048576, got \(context)") }
            if decodeSteps < 1 || decodeSteps > 65536 { throw ValidationError("--decode-steps must be 1...65536, got \(decodeSteps)") }
            if let threads, threads < 1 || threads > 1024 { throw ValidationError("--threads must be 1...1024, got \(threads)") }
        }

        func run() throws {
            if isDebugBuild { Output.error("warning: debug build: measured times will be far above a release build's") }
            let loadedProfile: CalibrationResult
            do { loadedProfile = try CalibrationResult.load(path: profile) } catch {
                Output.error("error: \(error)")
                throw ExitCode(2)
            }
            let loaded = SpecLoader.load(path: spec)
            Output.report(loaded.diagnostics)
            guard let resolved = loaded.spec else { throw ExitCode(1) }
            let report: ValidationReport
            do {
                report = try Validator.run(spec: resolved, profile: loadedProfile, context: context, decodeSteps: decodeSteps,
                                           threads: threads ?? loadedProfile.gemm.map(\.threads).max() ?? 1)
            } catch {
                Output.error("error: \(error)")
                throw ExitCode(1)
            }
            Output.write(format == .json ? report.json.rendered() + "\n" : report.text)
        }
    }
}
