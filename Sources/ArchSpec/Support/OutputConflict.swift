#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Refuses an output path that names one of the command's inputs, before any work is done.
///
/// Two paths are the same file when `stat` (following links) gives the same device and inode; a path that does
/// not exist yet is compared by its lexically normalised form. An input directory (lint scans) conflicts with an
/// existing output inside it whose name a scan would read (`*.yaml`, `*.yml`, `config.json`).
public enum OutputConflict {
    /// - Parameters:
    ///   - outputs: Output paths (`nil` and `-` mean standard output and are skipped).
    ///   - inputs: Input paths (`-` is standard input and is skipped).
    /// - Throws: `OutputFile.Failure` naming the output and the input it would overwrite.
    public static func check(outputs: [String?], inputs: [String]) throws(OutputFile.Failure) {
        let named = outputs.compactMap { $0 }.filter { $0 != "-" && !$0.isEmpty }
        for (index, output) in named.enumerated() {
            for input in inputs where input != "-" && !input.isEmpty && same(output, input) {
                throw OutputFile.Failure(
                    "\(OutputFile.shown(output)): is also the input \(OutputFile.shown(input)); refusing to overwrite it")
            }
            for other in named[(index + 1)...] where same(output, other) {
                throw OutputFile.Failure("\(OutputFile.shown(output)): is named as two outputs (\(OutputFile.shown(other)))")
            }
            for input in inputs where input != "-" && !input.isEmpty && inside(output, scannedDirectory: input) {
                throw OutputFile.Failure(
                    "\(OutputFile.shown(output)): is a file the scan of \(OutputFile.shown(input)) reads; refusing to overwrite it")
            }
        }
    }

    /// Whether `a` and `b` name the same file.
    static func same(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        let aExists = stat(a, &first) == 0, bExists = stat(b, &second) == 0
        // Writing through a device or FIFO never replaces what it names, so only files can clash.
        if aExists, first.st_mode & S_IFMT != S_IFREG { return false }
        if aExists && bExists { return first.st_dev == second.st_dev && first.st_ino == second.st_ino }
        if aExists != bExists { return false }
        return normalised(a) == normalised(b)
    }

    /// Whether the existing file `output` lies under the directory `directory` and has a scanned extension.
    static func inside(_ output: String, scannedDirectory directory: String) -> Bool {
        var info = stat()
        guard stat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
        let lower = output.lowercased()
        let name = lower.split(separator: "/").last.map(String.init) ?? lower
        guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || name == "config.json" else { return false }
        guard let file = resolved(output), let root = resolved(directory) else { return false }
        return file.hasPrefix(root == "/" ? "/" : root + "/")
    }

    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// `a//b/./c/` as `a/b/c`; relative paths are made absolute against the working directory; `..` is
    /// folded lexically.
    static func normalised(_ path: String) -> String {
        var absolute = path
        if !path.hasPrefix("/"), let cwd = getcwd(nil, 0) {
            absolute = String(cString: cwd) + "/" + path
            free(cwd)
        }
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
