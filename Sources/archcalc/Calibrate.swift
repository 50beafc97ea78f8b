import ArchSpec
import ArgumentParser

#if canImport(Glibc)
import Glibc
private let writeBytes = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let writeBytes = Darwin.write
#endif

extension Archcalc {
    struct Calibrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "calibrate",
            abstract: "Measure this machine with archcalc's own kernels and write a hardware profile.",
            discussion: """
                Runs STREAM-style bandwidth, packed fp32 GEMM at model shapes (M = 1...512 against 4096x4096 \
                and 14336x4096 weights, quick: 4096x4096 only, plus the shapes of each --spec), decode GEMV for fp32, bf16 and int8 \
                weights, and attention decode and prefill. Each figure is the median of several timed runs after a \
                warm-up, with the best run and the spread; windows where other processes or the hypervisor took \
                CPU time are retried. A BLAS library found at run time (or given with --blas) is measured too.

                With --spec, whole forward steps of that spec are timed as well (fp32, random weights): prefills \
                of 16...512 prompt tokens (quick: 16, 64, 256) and decode steps at 64...8192 cached tokens (quick: \
                64, 512, 4096), capped at the spec's context length, in interleaved rounds with a drift probe \
                between rounds, every sample kept; a monotone surface is fitted to the medians (the profile's \
                step_surfaces, model step-surface) for validate and size --calibration. The operator groups its \
                forward pass runs as plain loops (MLA's attention and absorbed folds, attention with sinks or \
                ALiBi, recurrent scans) are timed per layer kind in a one-layer pass (layer_kinds), with or \
                without --no-steps. The rounds stop at a \
                budget of 40 s per spec and thread count (quick: 4 s), on a grid trimmed so one round fits; the \
                warm-up that sizes the grid adds up to a quarter of the budget, and building the spec's weights \
                comes on top (about a second per 100 M parameters). \
                A progress bar goes to standard error when it is a terminal; the profile (--format) to --output or \
                standard output. Measure on a release build (swift build -c release): a debug build measures \
                the compiler.

                """ + "\n" + ExitStatus.help(success: "the profile was written", no: nil))

        @Flag(help: "Fewer shapes and samples, all threads only: the default sweep within 15 s on a 2-core machine under load (measured: 6 s at load 5). Each --spec adds its own shapes (measured: 45 s for llama-3-8b at load 5), 4 s of whole steps and building its weights.")
        var quick = false

        @OptionGroup var output: OutputOptions

        @Option(help: "Output format of the profile: \(CalibrationFormat.choices) (yaml is the file validate and size --calibration read).")
        var format: CalibrationFormat = .yaml

        @Option(help: "Also write the result as a hardware profile in the catalog schema (docs/hardware.md) to this file.")
        var hardwareProfile: String?

        @Option(help: "Most threads to measure with. Default: every online CPU.")
        var threads: Int?

        @Option(name: .customLong("spec"), help: "Also measure this spec's layer and attention shapes (repeatable).",
                completion: specCompletion)
        var specs: [String] = []

        @Flag(help: "With --spec: measure only the specs' shapes (and bandwidth), not the default sweep.")
        var specOnly = false

        @Flag(help: "With --spec: do not time whole forward steps (no step surface).")
        var noSteps = false

        @Option(help: "Path of a BLAS library to compare against (cblas_sgemm or an ILP64 variant).")
        var blas: String?

        @Flag(help: "Do not look for a BLAS library.")
        var noBlas = false

        @Option(help: .hidden)
        var probe: String?

        func validate() throws {
            let limit = HostInfo.workerThreadLimit()
            if let threads, threads < 1 || threads > limit {
                throw ValidationError("--threads must be 1...\(limit) (this machine's online CPUs, within 80% of available memory), got \(threads)")
            }
        }

        func run() throws {
            try Output.refuseOverwriting(outputs: [output.output, hardwareProfile], inputs: specs + (blas.map { [$0] } ?? []))
            if isDebugBuild {
                Output.error("warning: this is a debug build; calibration figures will be far below the machine's. "
                             + "Build with: swift build -c release")
            }
            let host = HostInfo.detect()
            let maxThreads = threads ?? max(1, host.logicalCPUs)
            if let probe { return try runProbe(probe, threads: maxThreads) }
            var loadedSpecs: [ArchitectureSpec] = []
            for path in specs {
                let loaded = SpecLoader.load(path: path)
                Output.report(loaded.diagnostics)
                guard let spec = loaded.spec else { throw CommandFailure.reported }
                loadedSpecs.append(spec)
            }
            let plan = CalibrationPlan.make(quick: quick, maxThreads: maxThreads, host: host, specs: loadedSpecs,
                                            specOnly: specOnly, timeSteps: !noSteps, blasPath: blas, measureBLAS: !noBlas)
            let bar = Terminal.standardErrorIsTerminal ? ProgressBar(total: plan.steps) : nil
            let result = Calibrator.run(plan, host: host) { bar?.step($0) }
            bar?.finish()
            for note in result.notes ?? [] { Output.error("warning: \(Escaping.short(note, limit: 300))") }
            if format == .yaml { _ = try result.yaml() }  // an encoding failure is an error, not an empty profile
            try output.emit(format.render(result))
            if let hardwareProfile { try Output.emit(try result.hardwareProfileYAML(), to: hardwareProfile) }
        }
    }
}

/// A one-line progress bar on standard error (drawn only when standard error is a terminal).
final class ProgressBar {
    let total: Int
    var done = 0

    init(total: Int) { self.total = max(1, total) }

    func step(_ label: String) {
        done += 1
        let width = 24, filled = min(width, done * width / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let text = "\r[\(bar)] \(min(done, total))/\(total) \(label)"
        standardError(TextTable.pad(String(text.prefix(110)), 110))
    }

    func finish() { standardError("\n") }
}

/// Writes `text` to standard error as is (no newline added).
func standardError(_ text: String) {
    var text = text
    text.withUTF8 { buffer in _ = writeBytes(2, buffer.baseAddress!, buffer.count) }
}
