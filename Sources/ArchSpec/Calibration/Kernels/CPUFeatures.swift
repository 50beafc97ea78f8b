/// Instruction-set features of the running CPU that decide which kernel copy may run.
public struct CPUFeatures: Hashable, Codable, Sendable {
    public var avx2: Bool
    public var fma: Bool
    public var avx512f: Bool

    public init(avx2: Bool, fma: Bool, avx512f: Bool = false) {
        self.avx2 = avx2
        self.fma = fma
        self.avx512f = avx512f
    }

    /// Parses the `flags` line of Linux's /proc/cpuinfo text.
    public static func parse(cpuinfo: String) -> CPUFeatures {
        let line = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
        let flags = Set(line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ":" }).map(String.init))
        return CPUFeatures(avx2: flags.contains("avx2"), fma: flags.contains("fma"), avx512f: flags.contains("avx512f"))
    }

    /// Reads /proc/cpuinfo; where it does not exist (macOS, other systems) no x86 extension is assumed.
    public static func detect() -> CPUFeatures {
        guard let text = SystemFiles.read("/proc/cpuinfo") else { return CPUFeatures(avx2: false, fma: false) }
        return parse(cpuinfo: text)
    }
}
