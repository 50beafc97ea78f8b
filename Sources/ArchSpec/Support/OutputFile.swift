#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes every output file of every command: reports (`-o`), charts (`--plot`) and profiles (`--output`,
/// `--hardware-profile`).
///
/// What the path names decides how:
/// - a regular file, or nothing yet: a temporary file with an unpredictable name is created beside it
///   (`O_CREAT|O_EXCL|O_NOFOLLOW`), filled, fsynced and renamed over the path, then the directory is fsynced;
///   readers see the old contents or the new, never a half-written file. An existing file keeps its mode
///   (and, where permitted, its owner); a new one gets `0666 & ~umask`, as a shell redirection does;
/// - a symbolic link: resolved once, and its target written by the same rules (the link itself stays);
///   a dangling link is refused;
/// - a character or block device, a FIFO or a socket (`/dev/null`, `/dev/stdout`, a named pipe): opened for
///   writing without `O_CREAT` or `O_TRUNC` and written through, never replaced;
/// - a directory: refused.
public enum OutputFile {
    /// Why an output could not be written; `description` is one line naming the path.
    public struct Failure: Error, CustomStringConvertible, Sendable, Equatable {
        public var description: String

        public init(_ description: String) { self.description = description }
    }

    /// Writes `text` to `path` (see the type's discussion for how each kind of path is treated).
    ///
    /// - Parameters:
    ///   - text: The whole contents.
    ///   - path: The output path as the user gave it (used in messages).
    ///   - onTemporaryCreated: Called with the temporary file's path once it exists (tests use it to signal
    ///     the process mid-write).
    /// - Throws: `OutputFile.Failure`; no temporary file is left behind.
    public static func write(
        _ text: String, to path: String, onTemporaryCreated: (String) -> Void = { _ in }
    ) throws(Failure) {
        guard !path.isEmpty else { throw Failure("empty output path") }
        var info = stat()
        if lstat(path, &info) != 0 {
            let code = errno
            guard code == ENOENT else { throw Failure("\(shown(path)): cannot write: \(reason(code))") }
            return try TemporaryFile.replace(path, shownAs: path, with: text, keeping: nil,
                                             onTemporaryCreated: onTemporaryCreated)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            try TemporaryFile.replace(path, shownAs: path, with: text, keeping: info,
                                      onTemporaryCreated: onTemporaryCreated)
        case S_IFLNK:
            try writeThroughLink(path, text: text, onTemporaryCreated: onTemporaryCreated)
        case S_IFDIR:
            throw Failure("\(shown(path)): is a directory, not an output file")
        default:
            try writeThrough(path, shownAs: path, text: text)
        }
    }

    /// A symbolic link: its fully resolved target is written (atomically when it is a regular file).
    private static func writeThroughLink(
        _ path: String, text: String, onTemporaryCreated: (String) -> Void
    ) throws(Failure) {
        guard let resolved = realpath(path, nil) else {
            let code = errno
            if code == ENOENT { throw Failure("\(shown(path)): is a symbolic link to a missing file; refusing to write") }
            throw Failure("\(shown(path)): cannot write: \(reason(code))")
        }
        let target = String(cString: resolved)
        free(resolved)
        var info = stat()
        guard lstat(target, &info) == 0 else { throw Failure("\(shown(path)): cannot write: \(reason(errno))") }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            try TemporaryFile.replace(target, shownAs: path, with: text, keeping: info,
                                      onTemporaryCreated: onTemporaryCreated)
        case S_IFDIR:
            throw Failure("\(shown(path)): is a link to a directory, not an output file")
        default:
            try writeThrough(target, shownAs: path, text: text)
        }
    }

    /// A device, FIFO or socket: opened as it is (blocking, as a shell redirection does) and written to.
    private static func writeThrough(_ path: String, shownAs name: String, text: String) throws(Failure) {
        var descriptor: Int32
        repeat { descriptor = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY) } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { throw Failure("\(shown(name)): cannot write: \(reason(errno))") }
        defer { close(descriptor) }
        if let code = writeAll(text, to: descriptor) { throw Failure("\(shown(name)): cannot write: \(reason(code))") }
    }

    /// Writes every byte of `text`; the `errno` of a failed write, or `nil`.
    static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if written == 0 { return EIO }
                offset += written
            }
            return nil
        }
    }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// A path as messages show it: control characters escaped, long paths cut.
    static func shown(_ path: String) -> String { Escaping.short(path, limit: 200) }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#else
private let systemWrite = Darwin.write
#endif
