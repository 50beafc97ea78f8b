import ArchSpec
import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to standard output and standard error without Foundation, in whole writes.
enum Output {
    static func write(_ text: String) { writeAll(text, to: 1) }

    /// Writes one message line to standard error. Messages quote paths, arguments and values this code does
    /// not control, so the line goes through the terminal sink (`Escaping.lineStart`): no raw line break,
    /// control, bidi or line-separator character, no `##[`, and it cannot start a workflow command (`::`).
    static func error(_ line: String) {
        let message = line.hasSuffix("\n") ? String(line.dropLast()) : line
        let safe = Escaping.lineStart(message)
        writeAll((Terminal.colourOnStandardError ? Style.colourSeverity(in: safe) : safe) + "\n", to: 2)
    }

    /// Writes a multi-line block to standard error (argument-parser's error and usage text), through
    /// `Escaping.block`: line feeds kept, every other unsafe scalar escaped, no line starting with `::`.
    static func errorBlock(_ text: String) {
        var safe = Escaping.block(text)
        if Terminal.colourOnStandardError { safe = Style.colourSeverities(in: safe) }
        writeAll(safe.hasSuffix("\n") ? safe : safe + "\n", to: 2)
    }

    private static func writeAll(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                let written = Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if written < 0, errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// One line per diagnostic on standard error: `file:line:col: severity: message`.
    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { error(diagnostic.oneLine) }
    }

    /// Writes `text` to `path` through `OutputFile` (atomic for files, written through for devices and FIFOs),
    /// or to standard output for `nil`/`-`. A failure is a `CommandFailure` with status 2.
    static func emit(_ text: String, to path: String?) throws(CommandFailure) {
        guard let path, path != "-" else { return write(text) }
        do {
            try OutputFile.write(text, to: path, onTemporaryCreated: pauseIfTesting)
        } catch {
            throw .error(error.description)
        }
    }

    /// Refuses a `--plot` name that is not `.svg` (the charts are SVG; a `.png` would hold SVG text): a usage
    /// error, status 2. `-` (standard output) is accepted.
    static func requireSVGName(_ plot: String?) throws {
        guard let plot, plot != "-", !plot.lowercased().hasSuffix(".svg") else { return }
        throw ValidationError("--plot writes SVG: name a .svg file, got '\(Escaping.short(plot))' "
                              + "(convert it afterwards, for example rsvg-convert -o chart.png chart.svg)")
    }

    /// Refuses, before any work, an output path that names an input (or another output): status 2.
    static func refuseOverwriting(outputs: [String?], inputs: [String]) throws(CommandFailure) {
        do { try OutputConflict.check(outputs: outputs, inputs: inputs) } catch {
            throw .error(error.description)
        }
    }

    /// With `ARCHCALC_TEST_PAUSE_MID_WRITE` set, waits for a signal once the temporary file exists, so tests
    /// can check that SIGTERM removes it.
    private static func pauseIfTesting(_ temporary: String) {
        guard getenv("ARCHCALC_TEST_PAUSE_MID_WRITE") != nil else { return }
        while true { pause() }
    }
}
