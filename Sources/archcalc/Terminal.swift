#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the terminal on each stream can take: colour and in-place progress.
///
/// Colour follows the common convention (ruff, rustc, cargo): `FORCE_COLOR` set to anything but empty or `0`
/// turns it on, even into a pipe; otherwise `NO_COLOR` set to anything non-empty turns it off; otherwise a
/// stream gets colour when it is a terminal and `TERM` is not `dumb`. Progress is drawn only on a terminal.
enum Terminal {
    /// Whether standard output gets ANSI colour.
    static let colourOnStandardOutput = wantsColour(descriptor: 1)
    /// Whether standard error gets ANSI colour.
    static let colourOnStandardError = wantsColour(descriptor: 2)
    /// Whether standard error is a terminal (progress is drawn only there).
    static let standardErrorIsTerminal = isatty(2) == 1

    static func wantsColour(descriptor: Int32) -> Bool {
        decide(force: environment("FORCE_COLOR"), noColour: environment("NO_COLOR"), term: environment("TERM"),
               isTerminal: isatty(descriptor) == 1)
    }

    /// The colour decision from the environment and the stream (a pure function, for tests).
    static func decide(force: String?, noColour: String?, term: String?, isTerminal: Bool) -> Bool {
        if let force, !force.isEmpty, force != "0" { return true }
        if let noColour, !noColour.isEmpty { return false }
        return isTerminal && term != "dumb"
    }

    private static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}

/// ANSI styles for the few things archcalc colours: severities and the location of a message.
enum Style: String {
    case error = "\u{1B}[1;31m"
    case warning = "\u{1B}[1;33m"
    case info = "\u{1B}[1;36m"
    case note = "\u{1B}[1;32m"
    case bold = "\u{1B}[1m"

    static let reset = "\u{1B}[0m"

    func apply(_ text: some StringProtocol) -> String { rawValue + text + Style.reset }

    /// The style of a severity word (`error`, `warning`, `info`, `note`), if it is one.
    init?(severity: some StringProtocol) {
        switch severity {
        case "error": self = .error
        case "warning": self = .warning
        case "info": self = .info
        case "note": self = .note
        default: return nil
        }
    }

    /// `line` with its severity coloured: a leading `error:`/`warning:`/`note:`/`Error:`, or the first
    /// `: SEVERITY: ` after a `file:line:col` location (lint and loader messages), with the location in bold.
    ///
    /// The line has already gone through its escaping sink, so it holds no escape character of its own.
    static func colourSeverity(in line: String) -> String {
        for word in ["error", "warning", "info", "note", "Error"] {
            let prefix = word + ":"
            if line.hasPrefix(prefix), let style = Style(severity: word.lowercased()) {
                return style.apply(prefix) + line.dropFirst(prefix.count)
            }
            let indented = "  " + prefix
            if line.hasPrefix(indented), let style = Style(severity: word) {
                return "  " + style.apply(prefix) + line.dropFirst(indented.count)
            }
        }
        if line.hasPrefix(" ") { return line }  // a quoted source line or caret under a finding
        var earliest: (range: Range<String.Index>, style: Style)?
        for word in ["error", "warning", "info"] {
            guard let range = line.firstRange(of: ": \(word): "), let style = Style(severity: word) else { continue }
            if earliest == nil || range.lowerBound < earliest!.range.lowerBound { earliest = (range, style) }
        }
        guard let (range, style) = earliest else { return line }
        let location = line[..<range.lowerBound]
        let word = line[line.index(range.lowerBound, offsetBy: 2)..<line.index(range.upperBound, offsetBy: -1)]
        return Style.bold.apply(location) + ": " + style.apply(word) + " " + line[range.upperBound...]
    }

    /// Every line of `text` through `colourSeverity(in:)`.
    static func colourSeverities(in text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { colourSeverity(in: String($0)) }
            .joined(separator: "\n")
    }
}
