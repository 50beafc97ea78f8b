/// Number formats shared by the sizing renderers, the charts and the hardware views.
enum SizingUnits {
    /// `12.5 GiB` or `-3.20 GiB`.
    static func bytes(_ value: Int128) -> String {
        value < 0 ? "-" + HumanUnits.bytes(-value) : HumanUnits.bytes(value)
    }

    /// `151`, `12.4`, `0.53` tokens/s.
    static func rate(_ value: Double) -> String { HumanUnits.significant(value) }

    /// `989 TFLOP/s`.
    static func flopsPerSecond(_ value: Double) -> String {
        HumanUnits.scaled(value, units: [" FLOP/s", " KFLOP/s", " MFLOP/s", " GFLOP/s", " TFLOP/s", " PFLOP/s"], base: 1000)
    }

    /// `2.04 TB/s`.
    static func bandwidth(_ value: Double) -> String {
        HumanUnits.scaled(value, units: [" B/s", " KB/s", " MB/s", " GB/s", " TB/s", " PB/s"], base: 1000)
    }

    static func layout(_ result: SizingResult) -> String {
        let devices = result.layout.devices
        let dp = result.layout.dp > 1 ? "dp \(result.layout.dp), " : ""
        return "\(devices) x \(Escaping.terminal(result.hardware.id, limit: 200)) (\(dp)tp \(result.layout.tp), pp \(result.layout.pp)"
            + (result.layout.ep > 1 ? ", ep \(result.layout.ep))" : ")")
    }

    /// ` (256 per replica)` with attention data parallelism, else nothing.
    static func perReplica(_ result: SizingResult) -> String {
        result.layout.dp > 1 ? " (\(result.layout.sequencesPerReplica(result.batch)) per replica)" : ""
    }

    static func maxContext(_ result: SizingResult) -> String {
        "\(result.maxContext)" + result.maxContextBound.suffix(contextLength: result.contextLength)
    }

    /// What the runtime reserve is: `engine-neutral parts`, `vLLM's parts`, `flat 10% of memory (--reserve)` or
    /// `flat 25% of memory (the hardware profile's reserve)`.
    static func reserveBasis(_ memory: DeviceMemory) -> String {
        if let overhead = memory.overhead { return "\(overhead.owner) parts" }
        let share = "flat \(HumanUnits.significant(Double(memory.reserve) / max(1, Double(memory.capacity)) * 100))% of memory"
        return share + (memory.reserveBasis == .profile ? " (the hardware profile's reserve)" : " (--reserve)")
    }
}
