#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The large fuzzing job's CPU budget: with `ARCHCALC_FUZZ_BUDGET=1`, every input must be checked within
/// `base + perByte x size` seconds of this thread's CPU time, so a stage that is superlinear in its input traps
/// (and libFuzzer keeps the input) long before the 20-second timeout would notice. 8 us per byte is about 18x
/// the release build's lint rate on one-line JSON (0.45 s per MiB, `scripts/bench-lint-hostile.sh`), room for
/// the sanitizer build; the quadratic stages of the issue took seconds on 60-500 KB inputs.
enum FuzzBudget {
    static let enabled: Bool = {
        guard let value = getenv("ARCHCALC_FUZZ_BUDGET") else { return false }
        return String(cString: value) == "1"
    }()

    /// Seconds of CPU time a check of `size` bytes may take.
    static func allowance(forSize size: Int) -> Double { 0.75 + 8e-6 * Double(size) }

    /// Runs `body` and traps when it took more than the allowance for `size` bytes.
    static func check(size: Int, label: String, _ body: () -> Void) {
        guard enabled else { return body() }
        let start = threadCPUSeconds()
        body()
        let spent = threadCPUSeconds() - start
        let allowed = allowance(forSize: size)
        precondition(spent <= allowed, "\(label) of \(size) bytes took \(spent) s of CPU (budget \(allowed) s)")
    }

    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
