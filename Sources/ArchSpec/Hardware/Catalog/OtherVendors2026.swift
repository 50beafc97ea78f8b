extension HardwareCatalog {
    static let mi325x = HardwareProfile(
        id: "mi325x", name: "AMD Instinct MI325X 256GB", vendor: "AMD",
        memory: Figure.gib(256, "AMD Instinct MI325X specifications (" + peerStudy + "): 256 GB HBM3E"),
        memoryBandwidth: Figure.tbps(6, "same: 6 TB/s"),
        peakFlops: PeakFlops(
            fp16: Figure.tflops(1307.4, "same: FP16 1,307.4 TFLOPS dense"),
            bf16: Figure.tflops(1307.4, "same: BF16 1,307.4 TFLOPS dense"),
            fp8: Figure.tflops(2614.9, "same: FP8 2,614.9 TFLOPS dense (5,230 with sparsity)")),
        interconnect: Interconnect(kind: "Infinity Fabric (xGMI)", bandwidth: Figure.gbps(448,
            "assumption: the MI300X platform's 896 GB/s aggregate Infinity Fabric (the MI325X uses the same OAM"
                + " platform), half per direction")),
        devicesPerNode: 8, notes: "8-GPU OAM platform, about 1,000 W")

    static let mi355x = HardwareProfile(
        id: "mi355x", name: "AMD Instinct MI355X 288GB", vendor: "AMD",
        memory: Figure.gib(288, "AMD Instinct MI355X (" + peerStudy + "): 288 GB HBM3E"),
        memoryBandwidth: Figure.tbps(8, "same: 8 TB/s"),
        peakFlops: PeakFlops(
            bf16: Figure.tflops(2500, "same: about 2,500 TFLOPS BF16 dense, inferred as half the sparse figure"),
            fp8: Figure.tflops(5000, "same: about 5,000 TFLOPS FP8 dense (ISSCC 2026 'five petaflops')"),
            fp4: Figure.tflops(10000, "same: about 10,000 TFLOPS FP4 dense (20,100 with sparsity, Tom's Hardware)")),
        interconnect: Interconnect(kind: "Infinity Fabric (xGMI)", bandwidth: Figure.gbps(448,
            "assumption: as the MI300X platform (896 GB/s aggregate), half per direction; not read from an MI355X sheet")),
        devicesPerNode: 8, notes: "dense peaks inferred from sparse marketing figures; verify on amd.com; 1,400 W")

    static let gaudi3 = HardwareProfile(
        id: "gaudi3", name: "Intel Gaudi 3 (OAM, 128GB)", vendor: "Intel",
        memory: Figure.gib(128, "Intel Gaudi 3 specifications (" + peerStudy + "): 128 GB HBM2e"),
        memoryBandwidth: Figure.tbps(3.7, "same: 3.7 TB/s"),
        peakFlops: PeakFlops(
            bf16: Figure.tflops(1835, "same: BF16 1,835 TFLOPS (matrix engines)"),
            fp8: Figure.tflops(1835, "same: FP8 1,835 TFLOPS (matrix engines)")),
        interconnect: Interconnect(kind: "RoCE (24 x 200 GbE on chip)", bandwidth: Figure.gbps(525,
            "Intel Gaudi 3 white paper (recalled, not re-read here; verify): 24 integrated 200 Gb Ethernet ports;"
                + " 21 used inside an 8-card node, 21 x 25 GB/s per direction")),
        devicesPerNode: 8, notes: "900 W OAM; BF16 and FP8 run at the same matrix-engine rate")

    static let tpuV6e = HardwareProfile(
        id: "tpu-v6e", name: "Google Cloud TPU v6e Trillium (one chip)", vendor: "Google",
        memory: Figure.gib(32, "Google Cloud TPU v6e documentation (docs.cloud.google.com/tpu/docs/v6e): HBM 32 GB"),
        memoryBandwidth: Figure.gbps(1638, "same: HBM bandwidth 1,640 GBps (1,638 in " + peerStudy + ")"),
        peakFlops: PeakFlops(
            bf16: Figure.tflops(918, "same: peak compute per chip (bf16) 918 TFLOPs"),
            int8: Figure.tflops(1836, "same: peak compute per chip (int8) 1,836 TOPs")),
        interconnect: Interconnect(kind: "ICI (2D torus)", bandwidth: Figure.gbps(224,
            "same page (recalled, not re-read here; verify): ICI 3,584 Gbps = 448 GB/s bidirectional, half per direction")),
        devicesPerNode: 8, notes: "8 chips per v6e-8 host; slices up to 256 chips over ICI")

    static let tpu7x = HardwareProfile(
        id: "tpu7x", name: "Google Cloud TPU7x Ironwood (one chip)", vendor: "Google",
        memory: Figure.gib(192, "Google Cloud TPU7x documentation (docs.cloud.google.com/tpu/docs/tpu7x): 192 GiB HBM3E"),
        memoryBandwidth: Figure.tbps(7.37, "same, as quoted in " + peerStudy + ": 7.37 TB/s"),
        peakFlops: PeakFlops(
            bf16: Figure.tflops(2307, "same: BF16 2,307 TFLOPs per chip"),
            fp8: Figure.tflops(4614, "same: FP8 4,614 TFLOPs per chip")),
        interconnect: Interconnect(kind: "ICI (3D torus)", bandwidth: Figure.gbps(600,
            "Google Ironwood announcement (recalled, not re-read here; verify): 1.2 TB/s bidirectional ICI per chip,"
                + " half per direction")),
        devicesPerNode: 4, notes: "4 chips per host; pods of 9,216 chips over ICI and optical switches")

    static let trainium2 = HardwareProfile(
        id: "trainium2", name: "AWS Trainium2 (one chip, 96GiB)", vendor: "AWS",
        memory: Figure.gib(96, "AWS Neuron documentation, Trainium2 architecture (awsdocs-neuron trainium2.html): 96 GiB HBM"),
        memoryBandwidth: Figure.tbps(2.9, "same: 2.9 TB/s"),
        peakFlops: PeakFlops(
            bf16: Figure.tflops(667, "same: BF16 667 TFLOPS dense"),
            fp8: Figure.tflops(1299, "same: FP8 1,299 TFLOPS dense (2,563 with sparsity)")),
        interconnect: Interconnect(kind: "NeuronLink-v3", bandwidth: Figure.gbps(640,
            "AWS Neuron documentation, Trainium2 (recalled, not re-read here; verify): NeuronLink-v3 1.28 TB/s per chip,"
                + " half per direction")),
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
            fp32: Figure.tflops(16.1, "derived: 40 GPU cores x 128 FP32 lanes x 2 (FMA) x 1.578 GHz (the clock is a third-party reading;"
                + " Apple publishes no TFLOPS figure)"),
            fp16: Figure.tflops(16.1, "derived: the Apple GPU runs FP16 at the FP32 rate")),
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
            fp32: Figure.tflops(28.7, "derived: 80 GPU cores x 128 FP32 lanes x 2 (FMA) x 1.4 GHz (the clock is an estimate; Apple"
                + " publishes no TFLOPS figure)"),
            fp16: Figure.tflops(28.7, "derived: the Apple GPU runs FP16 at the FP32 rate")),
        interconnect: Interconnect(kind: "Thunderbolt 5", bandwidth: Figure.gbps(10,
            "Apple Mac Studio (2025) tech specs: Thunderbolt 5, 80 Gb/s, 10 GB/s per direction")),
        devicesPerNode: 1,
        reserve: Figure.fraction(0.25, "llmfit PR #754 (" + peerStudy + "): Metal recommendedMaxWorkingSetSize lets the"
            + " GPU wire about 75% of unified memory by default"),
        notes: "unified memory; iogpu.wired_limit_mb raises the GPU's share")
}
