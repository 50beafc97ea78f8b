extension HardwareCatalog {
    static let mi325xSource = "AMD Instinct MI325X specifications (" + peerStudy + ")"

    static let mi325x = HardwareProfile(
        id: "mi325x", name: "AMD Instinct MI325X 256GB", vendor: "AMD",
        memory: Figure.gib(256, mi325xSource + ": 256 GB HBM3E"),
        memoryBandwidth: Figure.tbps(6, mi325xSource + ": 6 TB/s"),
        peakFlops: PeakFlops(
            fp16: Figure.tflops(1307.4, mi325xSource + ": FP16 1,307.4 TFLOPS dense"),
            bf16: Figure.tflops(1307.4, mi325xSource + ": BF16 1,307.4 TFLOPS dense"),
            fp8: Figure.tflops(2614.9, mi325xSource + ": FP8 2,614.9 TFLOPS dense (5,230 with sparsity)")),
        interconnect: Interconnect(kind: "Infinity Fabric (xGMI)", bandwidth: Figure.gbps(448,
            "assumption: the MI300X platform's 896 GB/s aggregate Infinity Fabric (the MI325X uses the same OAM"
                + " platform), half per direction")),
        devicesPerNode: 8, notes: "8-GPU OAM platform, about 1,000 W")

    static let mi355xSource = "AMD Instinct MI355X (" + peerStudy + ")"

    static let mi355x = HardwareProfile(
        id: "mi355x", name: "AMD Instinct MI355X 288GB", vendor: "AMD",
        memory: Figure.gib(288, mi355xSource + ": 288 GB HBM3E"),
        memoryBandwidth: Figure.tbps(8, mi355xSource + ": 8 TB/s"),
        peakFlops: PeakFlops(
            bf16: Figure.tflops(2500, mi355xSource + ": about 2,500 TFLOPS BF16 dense, inferred as half the sparse figure"),
            fp8: Figure.tflops(5000, mi355xSource + ": about 5,000 TFLOPS FP8 dense (ISSCC 2026 'five petaflops')"),
            fp4: Figure.tflops(10000, mi355xSource + ": about 10,000 TFLOPS FP4 dense (20,100 with sparsity, Tom's Hardware)")),
        interconnect: Interconnect(kind: "Infinity Fabric (xGMI)", bandwidth: Figure.gbps(448,
            "assumption: as the MI300X platform (896 GB/s aggregate), half per direction; not read from an MI355X sheet")),
        devicesPerNode: 8, notes: "dense peaks inferred from sparse marketing figures; verify on amd.com; 1,400 W")

    static let gaudi3Source = "Intel, 'Intel Gaudi 3 AI Accelerator: Architected for Gen AI Training and Inference'"
        + " (Hot Chips 2024, R. Kaplan), spec table"

    static let gaudi3 = HardwareProfile(
        id: "gaudi3", name: "Intel Gaudi 3 (OAM, 128GB)", vendor: "Intel",
        memory: Figure.gib(128, gaudi3Source + ": HBM capacity 128 GB (HBM2e)"),
        memoryBandwidth: Figure.tbps(3.67, gaudi3Source + ": HBM bandwidth 3.67 TB/s"),
        peakFlops: PeakFlops(
            bf16: Figure.tflops(1835, gaudi3Source + ": BF16 matrix 1,835 TFLOPs"),
            fp8: Figure.tflops(1835, gaudi3Source + ": FP8 matrix 1,835 TFLOPs")),
        interconnect: Interconnect(kind: "RoCE (24 x 200 GbE on chip)", bandwidth: Figure.gbps(600,
            gaudi3Source + ": 24 x 200GbE RoCE, networking 1,200 GB/s bidirectional, half per direction")),
        devicesPerNode: 8, notes: "900 W air-cooled OAM; BF16 and FP8 run at the same matrix-engine rate; an 8-card"
            + " node wires most, not all, of the 24 ports between its cards")

    static let tpuV6eSource = "Google Cloud TPU v6e documentation (docs.cloud.google.com/tpu/docs/v6e), key specifications"

    static let tpuV6e = HardwareProfile(
        id: "tpu-v6e", name: "Google Cloud TPU v6e Trillium (one chip)", vendor: "Google",
        memory: Figure.gib(32, tpuV6eSource + ": HBM capacity per chip 32 GB"),
        memoryBandwidth: Figure.gbps(1638, tpuV6eSource + ": HBM bandwidth per chip 1638 GBps"),
        peakFlops: PeakFlops(
            bf16: Figure.tflops(918, tpuV6eSource + ": peak compute per chip (bf16) 918 TFLOPs"),
            int8: Figure.tflops(1836, tpuV6eSource + ": peak compute per chip (int8) 1,836 TOPs")),
        interconnect: Interconnect(kind: "ICI (2D torus)", bandwidth: Figure.gbps(400,
            tpuV6eSource + ": bidirectional inter-chip interconnect (ICI) bandwidth per chip 800 GBps, half per direction")),
        devicesPerNode: 8, notes: "8 chips per v6e-8 host; slices up to 256 chips over ICI")

    static let tpu7xSource = "Google Cloud TPU7x documentation (docs.cloud.google.com/tpu/docs/tpu7x), key specifications"

    static let tpu7x = HardwareProfile(
        id: "tpu7x", name: "Google Cloud TPU7x Ironwood (one chip)", vendor: "Google",
        memory: Figure.gib(192, tpu7xSource + ": HBM capacity per chip 192 GiB"),
        memoryBandwidth: Figure.tbps(7.37, "aiwiki as quoted in " + peerStudy + " (the copy of Google's table read there was"
            + " truncated; verify): 7.37 TB/s"),
        peakFlops: PeakFlops(
            bf16: Figure.tflops(2307, tpu7xSource + ": peak compute per chip (BF16) 2307 TFLOPs"),
            fp8: Figure.tflops(4614, tpu7xSource + ": peak compute per chip (FP8) 4614 TFLOPs")),
        interconnect: Interconnect(kind: "ICI (3D torus)", bandwidth: Figure.gbps(600,
            "Google Ironwood announcement (recalled, not re-read here; verify): 1.2 TB/s bidirectional ICI per chip,"
                + " half per direction")),
        devicesPerNode: 4, notes: "4 chips per host; pods of 9,216 chips over ICI and optical switches")

    static let trainium2Source = "AWS Neuron documentation, Trainium2 architecture (awsdocs-neuron trainium2.html)"

    static let trainium2 = HardwareProfile(
        id: "trainium2", name: "AWS Trainium2 (one chip, 96GiB)", vendor: "AWS",
        memory: Figure.gib(96, trainium2Source + ": 96 GiB of device memory"),
        memoryBandwidth: Figure.tbps(2.9, trainium2Source + ": 2.9 TB/s"),
        peakFlops: PeakFlops(
            bf16: Figure.tflops(667, trainium2Source + ": 667 BF16/FP16/TF32 TFLOPS"),
            fp8: Figure.tflops(1299, trainium2Source + ": 1,299 FP8 TFLOPS (2,563 sparse)")),
        interconnect: Interconnect(kind: "NeuronLink-v3", bandwidth: Figure.gbps(640,
            "assumption: the Neuron Trainium2 pages read here list 4 NeuronLink-v3 links per chip without a figure;"
                + " 640 GB/s per direction is not sourced, set it from your instance")),
        devicesPerNode: 16, notes: "16 chips per trn2.48xlarge; about 500 W per chip")

    static let strixHalo = HardwareProfile(
        id: "strix-halo", name: "AMD Ryzen AI Max+ 395 (Strix Halo, 128GB unified)", vendor: "AMD",
        memory: Figure.gib(128, "AMD Ryzen AI Max+ 395 product page: up to 128 GB LPDDR5X-8000 unified memory"),
        memoryBandwidth: Figure.gbps(256, "derived: 256-bit LPDDR5X-8000 bus, 32 bytes x 8,000 MT/s = 256 GB/s"),
        peakFlops: PeakFlops(
            fp16: Figure.tflops(59.4, "derived: 40 RDNA 3.5 CUs x 2.9 GHz x 512 FP16 FLOP per CU per clock (WMMA)"),
            bf16: Figure.tflops(59.4, "derived: as FP16 (RDNA 3.5 WMMA runs BF16 at the FP16 rate)")),
        interconnect: Interconnect(kind: "USB4 / 5GbE", bandwidth: Figure.gbps(5,
            "derived: USB4 40 Gb/s, 5 GB/s per direction")),
        devicesPerNode: 1,
        reserve: Figure.fraction(0.156, "modelfit.io via " + peerStudy + ": Linux exposes about 108 GB of 128 GB to"
            + " the GPU (GTT), 1 - 108/128"),
        notes: "unified memory; the GPU's share depends on the BIOS UMA and GTT settings")

    static let m4Max = HardwareProfile(
        id: "m4-max", name: "Apple M4 Max (40-core GPU, 128GB unified memory)", vendor: "Apple",
        memory: Figure.gib(128, "Apple MacBook Pro (M4 Max) tech specs: up to 128 GB unified memory"),
        memoryBandwidth: Figure.gbps(546, "Apple MacBook Pro (M4 Max) tech specs: 546 GB/s memory bandwidth"),
        peakFlops: PeakFlops(
            fp32: Figure.tflops(17.2, "derived: 40 cores x 128 ALUs x 2 (FMA) x 1.678 GHz; hmc-tech.com lists the 32-core"
                + " M4 Max at 1,678 MHz and 13.74 TFLOPS FP32 (Apple publishes no TFLOPS figure)"),
            fp16: Figure.tflops(17.2, "hmc-tech.com M4 Max entry: FP16 at the FP32 rate")),
        interconnect: Interconnect(kind: "Thunderbolt 5", bandwidth: Figure.gbps(10,
            "Apple M4 Max tech specs: Thunderbolt 5 ports, 80 Gb/s, 10 GB/s per direction")),
        devicesPerNode: 1,
        reserve: Figure.fraction(0.25, "llmfit PR #754 (" + peerStudy + "): Metal recommendedMaxWorkingSetSize lets the"
            + " GPU wire about 75% of unified memory by default"),
        notes: "unified memory; iogpu.wired_limit_mb raises the GPU's share")

    static let m3Ultra = HardwareProfile(
        id: "m3-ultra", name: "Apple M3 Ultra (80-core GPU, 512GB unified memory)", vendor: "Apple",
        memory: Figure.gib(512, "Apple Mac Studio (2025) tech specs: M3 Ultra with up to 512 GB unified memory"),
        memoryBandwidth: Figure.gbps(819, "Apple Mac Studio (2025) tech specs: 819 GB/s memory bandwidth"),
        peakFlops: PeakFlops(
            fp32: Figure.tflops(28.6, "derived: two M3 Max dies, 80 cores x 128 ALUs x 2 (FMA) x 1.398 GHz; hmc-tech.com"
                + " lists the 40-core M3 Max at 1,398 MHz and 14.32 TFLOPS FP32 (Apple publishes no TFLOPS figure)"),
            fp16: Figure.tflops(28.6, "hmc-tech.com M3 Max entry: FP16 at the FP32 rate")),
        interconnect: Interconnect(kind: "Thunderbolt 5", bandwidth: Figure.gbps(10,
            "Apple Mac Studio (2025) tech specs: Thunderbolt 5, 80 Gb/s, 10 GB/s per direction")),
        devicesPerNode: 1,
        reserve: Figure.fraction(0.25, "llmfit PR #754 (" + peerStudy + "): Metal recommendedMaxWorkingSetSize lets the"
            + " GPU wire about 75% of unified memory by default"),
        notes: "unified memory; iogpu.wired_limit_mb raises the GPU's share")
}
