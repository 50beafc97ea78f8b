#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the calibration ran on, read from procfs/sysfs (Linux); fields stay empty where they cannot be read.
public struct HostInfo: Hashable, Codable, Sendable {
    /// CPU model string (`model name` in /proc/cpuinfo).
    public var cpuModel: String
    /// Logical CPUs online.
    public var logicalCPUs: Int
    /// Nominal clock from /proc/cpuinfo (`cpu MHz`), Hz; under a hypervisor this is the TSC rate, not the live clock.
    public var nominalClockHz: Double?
    /// Cache sizes of cpu0 by level and type (`L1d`, `L2`, `L3`), bytes.
    public var caches: [String: Int]
    /// Physical memory, bytes (MemTotal).
    public var memoryBytes: Int?
    /// Operating system (`PRETTY_NAME` of /etc/os-release, or the kernel name).
    public var os: String
    public var features: CPUFeatures

    enum CodingKeys: String, CodingKey {
        case cpuModel = "cpu_model", logicalCPUs = "logical_cpus", nominalClockHz = "nominal_clock_hz"
        case caches, memoryBytes = "memory_bytes", os, features
    }

    /// The largest cache, bytes (32 MiB when none is reported, so array sizes stay beyond any common LLC).
    public var lastLevelCache: Int { caches.values.max() ?? 32 << 20 }

    public static func detect() -> HostInfo {
        let cpuinfo = SystemFiles.read("/proc/cpuinfo") ?? ""
        func field(_ name: String) -> String? {
            cpuinfo.split(separator: "\n").first { $0.hasPrefix(name) }
                .flatMap { $0.split(separator: ":", maxSplits: 1).last }
                .map { $0.trimmingCharacters(in: " \t") }
        }
        var caches: [String: Int] = [:]
        for index in 0..<8 {
            let dir = "/sys/devices/system/cpu/cpu0/cache/index\(index)/"
            guard let level = SystemFiles.read(dir + "level")?.trimmingCharacters(in: " \n"),
                  let type = SystemFiles.read(dir + "type")?.trimmingCharacters(in: " \n"),
                  let size = SystemFiles.read(dir + "size")?.trimmingCharacters(in: " \n") else { continue }
            let key = "L\(level)" + (type == "Data" ? "d" : type == "Instruction" ? "i" : "")
            caches[key] = parseSize(size)
        }
        let memKB = SystemFiles.read("/proc/meminfo")?.split(separator: "\n").first { $0.hasPrefix("MemTotal") }
            .flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Int($0) }
        let osName = SystemFiles.read("/etc/os-release")?.split(separator: "\n").first { $0.hasPrefix("PRETTY_NAME=") }
            .map { $0.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: "\"") }
        return HostInfo(
            cpuModel: field("model name") ?? "unknown", logicalCPUs: Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))),
            nominalClockHz: field("cpu MHz").flatMap(Double.init).map { $0 * 1e6 }, caches: caches,
            memoryBytes: memKB.map { $0 * 1024 }, os: osName ?? "unknown", features: CPUFeatures.parse(cpuinfo: cpuinfo))
    }

    /// "32K", "512K", "32768K", "1M" as bytes.
    static func parseSize(_ text: String) -> Int? {
        let multiplier = text.hasSuffix("K") ? 1024 : text.hasSuffix("M") ? 1 << 20 : 1
        return Int(text.trimmingCharacters(in: "KM")).map { $0 * multiplier }
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

extension HostInfo {
    /// Bytes each kernel worker thread holds: its GEMM packing buffers (144x256 + 1024x256 fp32, 1.2 MiB) plus
    /// stack and slack, rounded up.
    public static let bytesPerWorkerThread = 2 << 20

    /// The most worker threads `validate` and `calibrate` may start: the online CPUs, and no more than fit in
    /// 80% of available memory at `bytesPerWorkerThread` each (the forward pass's memory guard uses the same 80%).
    public static func workerThreadLimit() -> Int {
        let cpus = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let line = SystemFiles.read("/proc/meminfo")?.split(separator: "\n").first { $0.hasPrefix("MemAvailable") }
        let kib = line.flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Int($0) }
        guard let kib else { return cpus }
        return max(1, min(cpus, kib * 1024 / 10 * 8 / bytesPerWorkerThread))
    }
}
