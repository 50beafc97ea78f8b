#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The atomic half of `OutputFile`: a temporary file beside the target, renamed over it.
enum TemporaryFile {
    /// Replaces the regular file (or creates the file) at `path` with `text`.
    ///
    /// - Parameters:
    ///   - keeping: The target's `lstat`, whose mode and owner the new file takes; `nil` for a new file.
    static func replace(
        _ path: String, shownAs name: String, with text: String, keeping existing: stat?,
        onTemporaryCreated: (String) -> Void
    ) throws(OutputFile.Failure) {
        func fail(_ code: Int32) -> OutputFile.Failure {
            OutputFile.Failure("\(OutputFile.shown(name)): cannot write: \(OutputFile.reason(code))")
        }
        let directory = directoryName(of: path)
        TemporaryCleanup.installHandlers()
        // A new file gets 0666 & ~umask (the kernel applies the umask); an existing one its own mode, below.
        let (temporary, descriptor) = try create(in: directory, mode: existing == nil ? 0o666 : 0o600, fail: fail)
        var finished = false
        defer {
            if !finished { unlink(temporary) }
            TemporaryCleanup.unregister()
        }
        onTemporaryCreated(temporary)
        if let existing {
            // Ownership first: chown clears set-id bits, which fchmod then restores (where permitted).
            _ = fchown(descriptor, existing.st_uid, existing.st_gid)
            if fchmod(descriptor, existing.st_mode & 0o7777) != 0 {
                let code = errno
                close(descriptor)
                throw fail(code)
            }
        }
        if let code = OutputFile.writeAll(text, to: descriptor) {
            close(descriptor)
            throw fail(code)
        }
        if fsync(descriptor) != 0 {
            let code = errno
            close(descriptor)
            throw fail(code)
        }
        guard close(descriptor) == 0 else { throw fail(errno) }
        guard rename(temporary, path) == 0 else { throw fail(errno) }
        finished = true
        syncDirectory(directory)
    }

    /// Creates `directory/.archcalc-<32 random hex digits>.tmp` with `O_EXCL|O_NOFOLLOW`, retrying on a clash,
    /// and registers it for removal on SIGINT/SIGTERM.
    private static func create(
        in directory: String, mode: mode_t, fail: (Int32) -> OutputFile.Failure
    ) throws(OutputFile.Failure) -> (String, Int32) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<32 {
            let token = hex(generator.next()) + hex(generator.next())
            let temporary = (directory == "/" ? "" : directory) + "/.archcalc-" + token + ".tmp"
            // Registered before it exists, so a signal between open and registration cannot leak it.
            guard TemporaryCleanup.register(temporary) else { throw fail(ENAMETOOLONG) }
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if descriptor >= 0 { return (temporary, descriptor) }
            let code = errno
            TemporaryCleanup.unregister()
            if code == EEXIST || code == EINTR { continue }
            throw fail(code)
        }
        throw fail(EEXIST)
    }

    /// The directory part of `path` (`.` for a bare name, `/` for a file at the root).
    static func directoryName(of path: String) -> String {
        var bytes = Array(path.utf8)
        while bytes.count > 1, bytes.last == UInt8(ascii: "/") { bytes.removeLast() }
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        var end = slash
        while end > 0, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        return end == 0 ? "/" : String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// Makes the rename durable; a file system that cannot fsync a directory is not an error.
    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
