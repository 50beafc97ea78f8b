#if canImport(Glibc)
import Glibc
#endif

/// `ARCHCALC_PEAK_RSS_FILE=PATH`: at exit, write this process's peak resident memory (VmHWM, KiB) to PATH.
///
/// For tests and benchmarks: `wait4`'s `ru_maxrss` of a child started with `posix_spawn` (vfork) reports the
/// parent's peak when the parent is larger, because the kernel records the shared address space's high-water
/// mark at `exec`; VmHWM belongs to the new address space alone.
enum PeakMemory {
    nonisolated(unsafe) static var path: String?

    static func reportAtExitIfRequested() {
        #if os(Linux)
        guard let value = getenv("ARCHCALC_PEAK_RSS_FILE") else { return }
        path = String(cString: value)
        atexit {
            guard let path = PeakMemory.path, let status = fopen("/proc/self/status", "r") else { return }
            defer { fclose(status) }
            var line = [CChar](repeating: 0, count: 256)
            while fgets(&line, Int32(line.count), status) != nil {
                let text = String(cString: line)
                guard text.hasPrefix("VmHWM:") else { continue }
                let digits = text.filter(\.isNumber)
                if let out = fopen(path, "w") {
                    fputs(digits + "\n", out)
                    fclose(out)
                }
                return
            }
        }
        #endif
    }
}
