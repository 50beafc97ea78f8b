extension Figure {
    /// Capacity as the driver reports it, MiB (nvidia-smi's memory.total).
    static func mib(_ value: Double, _ source: String) -> Sourced<Bytes> {
        Sourced(value * 1_048_576, source: source)
    }
}

extension HardwareCatalog {
    /// The peer study behind the late-2026 entries: it quotes each vendor figure with where it was read.
    static let peerStudy = "archcalc research note peers-2026 §6.1 (datasheet table)"
    static let aicB300 = "NVIDIA Blackwell Ultra datasheet as tabulated in ai-dynamo/aiconfigurator systems b300_sxm.yaml"
        + " (" + peerStudy + ")"
    static let aicGB = "NVIDIA GB200/GB300 NVL72 figures as tabulated in ai-dynamo/aiconfigurator systems"
        + " (" + peerStudy + ")"
    static let nvlink5 = "NVLink 5: 1.8 TB/s per GPU bidirectional (NVIDIA GB200 NVL72 / HGX B300 pages), half per direction"
    static let pcie5 = "PCIe Gen5 x16: 128 GB/s bidirectional, half per direction"
}
