import Foundation

#if canImport(Glibc)
import Glibc

/// Reads a FIFO to its end on another thread (the tests' stand-in for a terminal or /dev/null). Shared by both
/// test targets (archcalcTests holds a symlink to this file).
final class FIFOReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var text = ""

    init(_ path: String) {
        Thread.detachNewThread { [self] in
            let descriptor = open(path, O_RDONLY)
            var bytes: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 4096)
            while descriptor >= 0 {
                let count = read(descriptor, &buffer, buffer.count)
                if count <= 0 { break }
                bytes += buffer[0..<count]
            }
            if descriptor >= 0 { close(descriptor) }
            text = String(decoding: bytes, as: UTF8.self)
            done.signal()
        }
    }

    /// The text read, or `nil` when the writer did not close the FIFO within 10 seconds.
    func wait() -> String? { done.wait(timeout: .now() + 10) == .success ? text : nil }
}
#endif
