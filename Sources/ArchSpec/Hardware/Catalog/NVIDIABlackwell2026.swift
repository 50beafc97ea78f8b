extension HardwareCatalog {
    static let b300 = HardwareProfile(
        id: "b300", name: "NVIDIA B300 (HGX B300, 288GB)", vendor: "NVIDIA",
        memory: Figure.mib(275_040, aicB300 + ": 288 GB HBM3e, 275,040 MiB in nvidia-smi"),
        memoryBandwidth: Figure.tbps(7.75, aicB300 + ": 7.75 TB/s"),
        peakFlops: PeakFlops(
            bf16: Figure.tflops(2250, aicB300 + ": BF16 2,250 TFLOPS dense"),
            fp8: Figure.tflops(4500, aicB300 + ": FP8 4,500 TFLOPS dense"),
            int8: Figure.tflops(153.5, aicB300 + ": INT8 153.5 TOPS (Blackwell Ultra cuts INT8)"),
            fp4: Figure.tflops(14000, aicB300 + ": FP4 14,000 TFLOPS dense (18,000 with sparsity)")),
        interconnect: Interconnect(kind: "NVLink 5 (NVSwitch)", bandwidth: Figure.gbps(900, nvlink5)),
        devicesPerNode: 8, notes: "HGX B300 8-GPU board, 1,100 W; INT8 is not a fast path on Blackwell Ultra")

    static let gb300 = HardwareProfile(
        id: "gb300", name: "NVIDIA GB300 (NVL72, one Blackwell Ultra GPU)", vendor: "NVIDIA",
        memory: Figure.mib(284_208, aicGB + ": GB300 284,208 MiB in nvidia-smi"),
        memoryBandwidth: Figure.tbps(8, aicGB + ": GB300 8 TB/s"),
        peakFlops: PeakFlops(
            bf16: Figure.tflops(2500, aicGB + ": GB300 BF16 2,500 TFLOPS dense"),
            fp8: Figure.tflops(5000, aicGB + ": GB300 FP8 5,000 TFLOPS dense"),
            fp4: Figure.tflops(15000, aicGB + ": GB300 FP4 15,000 TFLOPS dense")),
        interconnect: Interconnect(kind: "NVLink 5 (NVL72 switch tray)", bandwidth: Figure.gbps(900, nvlink5)),
        devicesPerNode: 72, notes: "72 GPUs share one NVLink domain; 1,400 W per GPU")

    static let gb200 = HardwareProfile(
        id: "gb200", name: "NVIDIA GB200 (NVL72, one Blackwell GPU)", vendor: "NVIDIA",
        memory: Figure.mib(189_471, aicGB + ": GB200 189,471 MiB in nvidia-smi"),
        memoryBandwidth: Figure.tbps(8, aicGB + ": GB200 8 TB/s"),
        peakFlops: PeakFlops(
            bf16: Figure.tflops(2500, aicGB + ": GB200 BF16 2,500 TFLOPS dense"),
            fp8: Figure.tflops(5000, aicGB + ": GB200 FP8 5,000 TFLOPS dense"),
            fp4: Figure.tflops(10000, aicGB + ": GB200 FP4 10,000 TFLOPS dense")),
        interconnect: Interconnect(kind: "NVLink 5 (NVL72 switch tray)", bandwidth: Figure.gbps(900, nvlink5)),
        devicesPerNode: 72, notes: "72 GPUs share one NVLink domain; 1,200 W per GPU")

    static let h20Source = "NVIDIA H20 datasheet as tabulated in ai-dynamo AISimulate h20_3e.yaml (" + peerStudy + ")"
    static let rtx5090Source = "NVIDIA RTX Blackwell whitepaper via karpathy/nanochat #60 (" + peerStudy + ")"

    static let h20 = HardwareProfile(
        id: "h20", name: "NVIDIA H20 96GB", vendor: "NVIDIA",
        memory: Figure.gib(96, h20Source + ": 96 GB HBM3 (the H20-3e has 141 GB)"),
        memoryBandwidth: Figure.tbps(4.0, h20Source + ": 4.0 TB/s"),
        peakFlops: PeakFlops(
            bf16: Figure.tflops(148, h20Source + ": BF16 148 TFLOPS dense"),
            fp8: Figure.tflops(296, h20Source + ": FP8 296 TFLOPS dense"),
            int8: Figure.tflops(296, h20Source + ": INT8 296 TOPS dense")),
        interconnect: Interconnect(kind: "NVLink 4 (NVSwitch)",
                                   bandwidth: Figure.gbps(450, "NVIDIA H20: NVLink 900 GB/s bidirectional, half per direction")),
        devicesPerNode: 8, notes: "Hopper with a cut compute die: the ridge point is 37 FLOP/B in bf16, decode and prefill both bandwidth-heavy")

    static let rtx5090 = HardwareProfile(
        id: "rtx-5090", name: "NVIDIA GeForce RTX 5090 32GB", vendor: "NVIDIA",
        memory: Figure.gib(32, "NVIDIA RTX Blackwell GPU architecture whitepaper: 32 GB GDDR7"),
        memoryBandwidth: Figure.gbps(1792, "NVIDIA RTX Blackwell GPU architecture whitepaper: 1,792 GB/s"),
        peakFlops: PeakFlops(
            fp16: Figure.tflops(209.5, rtx5090Source
                + ": FP16 tensor with FP32 accumulate 209.5 TFLOPS dense (419 with FP16 accumulate)"),
            bf16: Figure.tflops(209.5, rtx5090Source + ": BF16 with FP32 accumulate 209.5 TFLOPS dense"),
            fp8: Figure.tflops(838, rtx5090Source + ": FP8 about 838 TFLOPS dense (1,677 with sparsity); accumulate mode not stated"),
            fp4: Figure.tflops(1676, rtx5090Source + ": FP4 about 1,676 TFLOPS dense (3,352 'AI TOPS' with sparsity)")),
        interconnect: Interconnect(kind: "PCIe Gen5 x16", bandwidth: Figure.gbps(64, pcie5)),
        devicesPerNode: 8, notes: "consumer card, 575 W; GeForce runs FP32-accumulate tensor math at half rate")

    static let rtxPro6000 = HardwareProfile(
        id: "rtx-pro-6000", name: "NVIDIA RTX PRO 6000 Blackwell Server Edition 96GB", vendor: "NVIDIA",
        memory: Figure.gib(96, "NVIDIA RTX PRO 6000 Blackwell datasheet: 96 GB GDDR7 with ECC"),
        memoryBandwidth: Figure.gbps(1792, "ai-dynamo/aiconfigurator RTX PRO 6000 Server system (" + peerStudy
            + "): 1.792 TB/s"),
        peakFlops: PeakFlops(
            bf16: Figure.tflops(467.8, "ai-dynamo/aiconfigurator RTX PRO 6000 Server system (" + peerStudy
                + "): BF16 467.8 TFLOPS dense at 2,430 MHz")),
        interconnect: Interconnect(kind: "PCIe Gen5 x16", bandwidth: Figure.gbps(64, pcie5)),
        devicesPerNode: 8, notes: "FP8/FP4 tensor figures not listed: no dense figure was read from a source")

    static let dgxSpark = HardwareProfile(
        id: "dgx-spark", name: "NVIDIA DGX Spark (GB10, 128GB unified)", vendor: "NVIDIA",
        memory: Figure.gib(128, "NVIDIA DGX Spark product page: 128 GB LPDDR5X coherent unified system memory"),
        memoryBandwidth: Figure.gbps(273, "NVIDIA DGX Spark product page: 273 GB/s"),
        peakFlops: PeakFlops(
            bf16: Figure.tflops(125, "derived: Blackwell tensor cores run BF16 at a quarter of the dense FP4 rate;"
                + " 500 / 4 (NVIDIA publishes no BF16 figure)"),
            fp8: Figure.tflops(250, "derived: half the dense FP4 rate, 500 / 2"),
            fp4: Figure.tflops(500, "NVIDIA DGX Spark: 1 petaFLOP FP4 with sparsity; dense is half")),
        interconnect: Interconnect(kind: "ConnectX-7 200GbE",
                                   bandwidth: Figure.gbps(25, "NVIDIA DGX Spark: ConnectX-7 200 Gb/s, 25 GB/s per direction")),
        devicesPerNode: 1,
        reserve: Figure.fraction(0.10, "assumption: the CPU and OS share the unified 128 GB; no measured GPU-usable"
            + " share was found, so archcalc's default 10% reserve"),
        notes: "unified memory shared with the Grace CPU; two units link over ConnectX-7")
}
