#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open checkpoint file read with `pread` at offsets: headers only, never the tensor data.
final class CheckpointFile {
    let path: String
    let descriptor: Int32
    /// File size from `fstat`, bytes.
    let size: Int

    /// Opens a regular file (directories, FIFOs and devices are refused before any read).
    init(path: String) throws(CheckpointError) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw CheckpointError(file: path, code == ENOENT ? "no such file" : "cannot open: \(String(cString: strerror(code)))")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw CheckpointError(file: path, "not a regular file")
        }
        self.descriptor = descriptor
        size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    /// `count` bytes at `offset`; the range must lie within the file.
    func read(_ count: Int, at offset: Int) throws(CheckpointError) -> [UInt8] {
        guard count >= 0, offset >= 0, offset <= size, count <= size - offset else {
            throw CheckpointError(file: path, offset: offset, "truncated file: \(count) bytes wanted, \(max(0, size - offset)) left")
        }
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
            }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else {
                throw CheckpointError(file: path, offset: offset + done, got == 0 ? "truncated file" : "cannot read: \(String(cString: strerror(errno)))")
            }
            done += got
        }
        return bytes
    }
}
