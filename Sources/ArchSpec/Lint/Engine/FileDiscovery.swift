#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file to lint.
public struct LintInput: Hashable, Sendable {
    /// The path as reported (as given, or joined under a given directory); `-` for standard input.
    public var path: String
    /// Absolute, lexically normalised path (for config discovery and patterns).
    public var absolutePath: String
    /// Whether the user named it (files found in directories are skipped unless they are specs).
    public var explicit: Bool
}

/// Expands command-line paths into files: directories are walked in sorted order for `*.yaml`, `*.yml` and
/// `config.json`, skipping hidden entries and symbolic links to directories.
public enum FileDiscovery {
    /// The files under `paths`, and the paths that do not exist.
    public static func expand(_ paths: [String], workingDirectory: String) -> (inputs: [LintInput], missing: [String]) {
        var inputs: [LintInput] = []
        var missing: [String] = []
        for path in paths {
            if path == "-" {
                inputs.append(LintInput(path: "-", absolutePath: PathText.join(workingDirectory, "-"), explicit: true))
                continue
            }
            var info = stat()
            guard stat(path, &info) == 0 else {
                missing.append(path)
                continue
            }
            let absolute = PathText.absolute(path, in: workingDirectory)
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(display: path, absolute: absolute, depth: 0, into: &inputs)
            } else {
                inputs.append(LintInput(path: path, absolutePath: absolute, explicit: true))
            }
        }
        return (inputs, missing)
    }

    /// Whether a file name is one a directory scan picks up.
    public static func isCandidate(_ name: String) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name == "config.json"
    }

    private static func walk(display: String, absolute: String, depth: Int, into inputs: inout [LintInput]) {
        guard depth < 64, let directory = opendir(absolute) else { return }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        closedir(directory)
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let childAbsolute = PathText.join(absolute, name)
            let childDisplay = PathText.join(display, name)
            var info = stat()
            guard lstat(childAbsolute, &info) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR {
                walk(display: childDisplay, absolute: childAbsolute, depth: depth + 1, into: &inputs)
            } else if isCandidate(name), type == S_IFREG || type == S_IFLNK {
                inputs.append(LintInput(path: childDisplay, absolutePath: childAbsolute, explicit: false))
            }
        }
    }
}

/// Lexical path helpers (no Foundation, no symlink resolution).
public enum PathText {
    public static func join(_ base: String, _ name: String) -> String {
        base.hasSuffix("/") ? base + name : base + "/" + name
    }

    /// `path` made absolute against `directory`, with `.` and `..` segments removed.
    public static func absolute(_ path: String, in directory: String) -> String {
        let full = path.hasPrefix("/") ? path : join(directory, path)
        var parts: [Substring] = []
        for part in full.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    public static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    public static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
