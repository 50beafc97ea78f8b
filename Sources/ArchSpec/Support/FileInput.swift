#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an input file, or standard input for `-`, refusing directories, FIFOs and oversized files up front.
public enum FileInput {
    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        case notFound(String)
        case isDirectory(String)
        case notRegularFile(String)
        case unreadable(String, String)
        case tooLarge(String, bytes: Int, limit: Int)

        public var description: String {
            switch self {
            case .notFound(let path): "\(path): no such file"
            case .isDirectory(let path): "\(path): is a directory, not a spec file"
            case .notRegularFile(let path): "\(path): not a regular file"
            case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
            case .tooLarge(let path, let bytes, let limit):
                "\(path): file is too large (\(bytes) bytes; the limit is \(limit) bytes)"
            }
        }
    }

    /// The file's bytes.
    ///
    /// - Parameters:
    ///   - path: A file path, or `-` for standard input.
    ///   - limit: Largest size accepted, bytes; checked with `fstat` before reading.
    public static func read(_ path: String, limit: Int = YAMLLimits.default.maxBytes) throws(Failure) -> [UInt8] {
        if path == "-" { return try readAll(descriptor: 0, path: path, limit: limit) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .notFound(path) }
            if code == ELOOP { throw .unreadable(path, "too many levels of symbolic links") }
            throw .unreadable(path, String(cString: strerror(code)))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(path, String(cString: strerror(errno))) }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { throw .isDirectory(path) }
        guard type == S_IFREG else { throw .notRegularFile(path) }
        if Int(info.st_size) > limit { throw .tooLarge(path, bytes: Int(info.st_size), limit: limit) }
        return try readAll(descriptor: descriptor, path: path, limit: limit)
    }

    private static func readAll(descriptor: Int32, path: String, limit: Int) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { usleep(1000); continue }
                throw .unreadable(path, String(cString: strerror(errno)))
            }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { throw .tooLarge(path, bytes: bytes.count, limit: limit) }
        }
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#else
private let systemRead = Darwin.read
#endif
