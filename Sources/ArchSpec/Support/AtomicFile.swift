#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that readers see the old contents or the new ones, never a half-written file.
public enum AtomicFile {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Writes `text` to a temporary file beside `path`, flushes it, then renames it over `path`.
    ///
    /// - Throws: `AtomicFile.Failure` naming the path and the system's reason; the temporary file is removed.
    public static func write(_ text: String, to path: String) throws(Failure) {
        let temporary = "\(path).tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "\(path): cannot write: \(reason())") }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                #if canImport(Glibc)
                Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
            }
            if written < 0 {
                if errno == EINTR { continue }
                let message = reason()
                close(descriptor)
                unlink(temporary)
                throw Failure(description: "\(path): cannot write: \(message)")
            }
            offset += written
        }
        bytes.removeAll()
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            let message = reason()
            unlink(temporary)
            throw Failure(description: "\(path): cannot write: \(message)")
        }
        guard rename(temporary, path) == 0 else {
            let message = reason()
            unlink(temporary)
            throw Failure(description: "\(path): cannot write: \(message)")
        }
    }

    private static func reason() -> String { String(cString: strerror(errno)) }
}
