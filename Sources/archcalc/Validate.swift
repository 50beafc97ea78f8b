import ArchSpec
import ArgumentParser

extension Archcalc {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Run a real forward pass of a spec on this machine and compare it with the profile's prediction.",
            discussion: """
                Builds SPEC with random fp32 weights (refusing when weights, KV cache and activations would not fit \
                in 80% of available memory), runs a prefill of --context tokens and --decode-steps decode steps \
                with a KV cache through the same kernels `archcalc calibrate` measures, and prints predicted against \
                measured time per phase, then per operator (prefill and decode step); error is (predicted - measured) / \
                measured, decode per step. Every layer kind of the spec's layer plan runs, except DeepSeek sparse \
                attention's indexer and cross-layer KV sharing, which are refused by name. \
                For the best prediction, calibrate with --spec SPEC so the profile holds the spec's own shapes \
                and its step surface (whole steps timed on a grid); the step surface's prediction is printed \
                beside the kernel-level one. The measurements' dispersion (p10/p50/p90, MAD) is reported, and when \
                the prefills or decode steps spread more than 10%, no prefill ran free of other processes, or the \
                host drifted more than 10% while the step surface was measured, the report says the host was too \
                noisy and the error is not accuracy (errors in parentheses; JSON accuracy.trustworthy false). \
                A spec that would not fit, or that holds a refused feature, is a configuration error.

                """ + "\n" + ExitStatus.help(success: "the comparison ran", no: nil))

        @Argument(help: "The spec to run: archspec YAML or Hugging Face config.json.", completion: specCompletion)
        var spec: String

        @Option(help: "A profile written by archcalc calibrate.")
        var profile: String

        @Option(help: "Prompt tokens for the prefill (512, 8k), at most 1m.")
        var context = TokenCount(512)

        @Option(help: "Decode steps to time after the prefill.")
        var decodeSteps = 16

        @Option(help: "Threads, at most this machine's online CPUs. Default: the most the profile measured, within that limit.")
        var threads: Int?

        @Option(help: "Output format: \(ValidationFormat.choices).")
        var format: ValidationFormat = .text

        @OptionGroup var output: OutputOptions

        func validate() throws {
            if context.value > 1 << 20 { throw ValidationError("--context must be 1...1048576, got \(context.value)") }
            if decodeSteps < 1 || decodeSteps > 65536 { throw ValidationError("--decode-steps must be 1...65536, got \(decodeSteps)") }
            let limit = HostInfo.workerThreadLimit()
            if let threads, threads < 1 || threads > limit {
                throw ValidationError("--threads must be 1...\(limit) (this machine's online CPUs, within 80% of available memory), got \(threads)")
            }
        }

        func run() throws {
            try Output.refuseOverwriting(outputs: [output.output], inputs: [spec, profile])
            if isDebugBuild { Output.error("warning: debug build: measured times will be far above a release build's") }
            let loadedProfile: CalibrationResult
            do { loadedProfile = try CalibrationResult.load(path: profile) } catch {
                throw CommandFailure.error("\(error)")
            }
            let loaded = SpecLoader.load(path: spec)
            Output.report(loaded.diagnostics)
            guard let resolved = loaded.spec else { throw CommandFailure.reported }
            let report: ValidationReport
            do {
                report = try Validator.run(spec: resolved, profile: loadedProfile, context: context.value, decodeSteps: decodeSteps,
                                           threads: threads ?? Self.defaultThreads(loadedProfile))
            } catch {
                throw CommandFailure.error("\(error)")
            }
            try output.emit(format.render(report))
        }

        /// The most threads the profile measured with, within this machine's limit (a profile is input too).
        static func defaultThreads(_ profile: CalibrationResult) -> Int {
            min(max(1, profile.gemm.map(\.threads).max() ?? 1), HostInfo.workerThreadLimit())
        }
    }
}
