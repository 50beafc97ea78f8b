#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary output file when SIGINT or SIGTERM ends the process mid-write.
///
/// The path lives in a fixed buffer allocated before the handler is installed, so the handler only calls
/// async-signal-safe functions (`unlink`, `signal`, `raise`) and reads memory that is already there. The
/// handler removes the file, restores the default action and re-raises the signal, so the process still ends
/// with it (exit status 128 + signal in a shell).
enum TemporaryCleanup {
    /// Largest registered path, bytes (PATH_MAX on Linux).
    static let capacity = 4096

    /// Registers `path` (replacing any registered one); false when it is too long to hold.
    static func register(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        guard bytes.count < capacity, !bytes.contains(0), let buffer = cleanupBuffer else { return false }
        cleanupArmed = 0
        for (index, byte) in bytes.enumerated() { buffer[index] = CChar(bitPattern: byte) }
        buffer[bytes.count] = 0
        cleanupArmed = 1
        return true
    }

    /// Forgets the registered path (after the rename, or once the file is removed).
    static func unregister() { cleanupArmed = 0 }

    /// Installs the SIGINT and SIGTERM handlers once per process.
    static func installHandlers() {
        guard cleanupBuffer == nil else { return }
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        buffer.initialize(repeating: 0, count: capacity)
        cleanupBuffer = buffer
        for signal in [SIGINT, SIGTERM] {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = cleanupHandler
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            #else
            action.__sigaction_u.__sa_handler = cleanupHandler
            action.sa_flags = SA_RESETHAND
            #endif
            sigemptyset(&action.sa_mask)
            var previous = sigaction()
            // A signal the caller chose to ignore (nohup, a shell's background job) stays ignored.
            sigaction(signal, nil, &previous)
            #if canImport(Glibc)
            let ignored = unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) == 1
            #else
            let ignored = unsafeBitCast(previous.__sigaction_u.__sa_handler, to: Int.self) == 1
            #endif
            if !ignored { sigaction(signal, &action, nil) }
        }
    }
}

/// The registered path's buffer; set once, before any handler can run.
nonisolated(unsafe) private var cleanupBuffer: UnsafeMutablePointer<CChar>?
/// 1 while the buffer names a temporary file that exists or is being created.
nonisolated(unsafe) private var cleanupArmed: sig_atomic_t = 0

private let cleanupHandler: @convention(c) (Int32) -> Void = { signal in
    if cleanupArmed != 0, let buffer = cleanupBuffer { unlink(buffer) }
    // SA_RESETHAND restored the default action; the signal is blocked until this handler returns.
    raise(signal)
}
