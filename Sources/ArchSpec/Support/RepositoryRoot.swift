#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The directory that CI paths (SARIF artifact URIs, GitHub annotation files) are relative to: the nearest
/// directory holding `.git` at or above the linted files, else the working directory.
///
/// Paths made relative to it are normalised (`./models/x`, `specs//x` and `a/../x` all become one spelling), so
/// one finding has one path from any working directory.
public struct RepositoryRoot: Hashable, Sendable {
    /// Absolute and normalised, without a trailing `/` (except the root directory itself).
    public var path: String
    /// The directory relative file names were given against, absolute.
    public var workingDirectory: String

    public init(path: String, workingDirectory: String) {
        self.workingDirectory = Self.normalized(workingDirectory.hasPrefix("/") ? workingDirectory : "/" + workingDirectory)
        self.path = Self.normalized(path.hasPrefix("/") ? path : self.workingDirectory + "/" + path)
    }

    /// The repository holding `file` (the first linted file), else the working directory.
    ///
    /// - Parameters:
    ///   - file: A file name as the user gave it, or `nil` (standard input only).
    ///   - workingDirectory: The absolute working directory.
    public static func find(for file: String?, workingDirectory: String) -> RepositoryRoot {
        let cwd = normalized(workingDirectory)
        var current = file.map { parent(absolute($0, in: cwd)) } ?? cwd
        while true {
            var info = stat()
            if stat(current == "/" ? "/.git" : current + "/.git", &info) == 0 {
                return RepositoryRoot(path: current, workingDirectory: cwd)
            }
            if current == "/" { break }
            current = parent(current)
        }
        return RepositoryRoot(path: cwd, workingDirectory: cwd)
    }

    /// `file` relative to the root, normalised (no `.`, `..` or empty segments), or `nil` when it is outside.
    public func relative(_ file: String) -> String? {
        let full = Self.absolute(file, in: workingDirectory)
        if path == "/" { return full == "/" ? nil : String(full.dropFirst()) }
        guard full.hasPrefix(path + "/") else { return nil }
        return String(full.dropFirst(path.count + 1))
    }

    /// `file` as a CI tool should name it: relative to the root when inside it, else absolute; normalised.
    public func reference(_ file: String) -> String { relative(file) ?? Self.absolute(file, in: workingDirectory) }

    /// `path` made absolute against `directory`, with `.`, `..` and empty segments removed.
    public static func absolute(_ path: String, in directory: String) -> String { PathText.absolute(path, in: directory) }

    static func normalized(_ path: String) -> String { PathText.absolute(path, in: "/") }

    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
