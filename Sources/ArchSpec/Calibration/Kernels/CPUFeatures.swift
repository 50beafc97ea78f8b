/// Instruction-set features of the running CPU that decide which kernel copy may run.
public struct CPUFeatures: Hashable, Codable, Sendable {
    public var avx2: Bool
    public var fma: Bool
    public var avx512f: Bool
    /// AVX-512 F, CD, BW, DQ and VL together (the x86-64-v4 set the AVX-512 kernel copy is compiled for).
    public var avx512: Bool
    /// AVX-512 VNNI (`vpdpwssd`), used by the int8 GEMV's integer dot products.
    public var avx512vnni: Bool

    public init(avx2: Bool, fma: Bool, avx512f: Bool = false, avx512: Bool = false, avx512vnni: Bool = false) {
        self.avx2 = avx2
        self.fma = fma
        self.avx512f = avx512f
        self.avx512 = avx512
        self.avx512vnni = avx512vnni
    }

    enum CodingKeys: String, CodingKey { case avx2, fma, avx512f, avx512, avx512vnni = "avx512_vnni" }

    /// Profiles written before `avx512` or `avx512_vnni` existed still decode (it reads as false).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        avx2 = try c.decode(Bool.self, forKey: .avx2)
        fma = try c.decode(Bool.self, forKey: .fma)
        avx512f = try c.decodeIfPresent(Bool.self, forKey: .avx512f) ?? false
        avx512 = try c.decodeIfPresent(Bool.self, forKey: .avx512) ?? false
        avx512vnni = try c.decodeIfPresent(Bool.self, forKey: .avx512vnni) ?? false
    }

    /// Flags the AVX-512 kernel copy needs (Linux /proc/cpuinfo spelling).
    static let avx512Flags = ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]

    /// Parses the `flags` line of Linux's /proc/cpuinfo text.
    public static func parse(cpuinfo: String) -> CPUFeatures {
        let line = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
        let flags = Set(line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ":" }).map(String.init))
        return CPUFeatures(avx2: flags.contains("avx2"), fma: flags.contains("fma"), avx512f: flags.contains("avx512f"),
                           avx512: avx512Flags.allSatisfy(flags.contains), avx512vnni: flags.contains("avx512_vnni"))
    }

    /// Reads /proc/cpuinfo; where it does not exist (macOS, other systems) no x86 extension is assumed.
    public static func detect() -> CPUFeatures {
        guard let text = SystemFiles.read("/proc/cpuinfo") else { return CPUFeatures(avx2: false, fma: false) }
        return parse(cpuinfo: text)
    }
}
