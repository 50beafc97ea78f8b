import Foundation

#if canImport(Glibc)
import Glibc

/// Runs `archcalc` and reports the child's own CPU time and peak memory (from `wait4`), which unlike wall
/// time do not depend on what else the machine is running.
struct MeasuredRun {
    var status: Int32
    var stderr: String
    /// User plus system CPU seconds of the child.
    var cpuSeconds: Double
    /// Peak resident memory of the child, KiB.
    var maxResidentKiB: Int

    static func run(_ arguments: [String]) throws -> MeasuredRun {
        let errorPath = try CLI.temporaryFile("", name: "stderr.txt")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([CLI.binary.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // ru_maxrss of a vfork'd child reports the (larger) test process's peak: archcalc writes its own VmHWM.
        let peakPath = try CLI.temporaryFile("", name: "peak-rss.txt")
        var environment = ProcessInfo.processInfo.environment
        environment["ARCHCALC_PEAK_RSS_FILE"] = peakPath
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, CLI.binary.path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let peak = (try? String(contentsOfFile: peakPath, encoding: .utf8))
            .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return MeasuredRun(
            status: exitStatus, stderr: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "",
            cpuSeconds: cpu, maxResidentKiB: peak ?? usage.ru_maxrss)
    }
}
#endif
