extension HardwareCatalog {
    static let h100Datasheet = "NVIDIA H100 Tensor Core GPU datasheet (nvidia.com/en-us/data-center/h100), dense = half the"
        + " sparsity figure; dense values as tabulated in the NVIDIA H100 Tensor Core GPU Architecture whitepaper"
    static let h200Datasheet = "NVIDIA H200 Tensor Core GPU datasheet (nvidia.com/en-us/data-center/h200), dense = half the"
        + " sparsity figure"
    static let dgxB200Datasheet = "NVIDIA DGX B200 datasheet (nvidia.com/en-us/data-center/dgx-b200): 1,440 GB and 64 TB/s"
        + " HBM3e for 8 GPUs; HGX B200 per-8-GPU tensor figures with sparsity, divided by 8 and by 2 for dense"

    static let h100SXM = HardwareProfile(
        id: "h100-sxm", name: "NVIDIA H100 SXM5 80GB", vendor: "NVIDIA",
        memory: Figure.gib(80, h100Datasheet + ": 80GB HBM3"),
        memoryBandwidth: Figure.tbps(3.35, h100Datasheet + ": 3.35TB/s"),
        peakFlops: PeakFlops(
            fp32: Figure.tflops(66.9, h100Datasheet + ": FP32 67 teraFLOPS (whitepaper 66.9)"),
            tf32: Figure.tflops(494.7, h100Datasheet + ": TF32 989 teraFLOPS with sparsity"),
            fp16: Figure.tflops(989.4, h100Datasheet + ": FP16 1,979 teraFLOPS with sparsity"),
            bf16: Figure.tflops(989.4, h100Datasheet + ": BF16 1,979 teraFLOPS with sparsity"),
            fp8: Figure.tflops(1978.9, h100Datasheet + ": FP8 3,958 teraFLOPS with sparsity"),
            int8: Figure.tflops(1978.9, h100Datasheet + ": INT8 3,958 TOPS with sparsity")),
        interconnect: Interconnect(
            kind: "NVLink 4 (NVSwitch)",
            bandwidth: Figure.gbps(450, h100Datasheet + ": NVLink 900GB/s bidirectional, half per direction")),
        devicesPerNode: 8,
        notes: "HGX H100 8-GPU board; SXM5 module at 700 W")

    static let h100PCIe = HardwareProfile(
        id: "h100-pcie", name: "NVIDIA H100 PCIe 80GB", vendor: "NVIDIA",
        memory: Figure.gib(80, h100Datasheet + ": 80GB HBM2e"),
        memoryBandwidth: Figure.tbps(2.0, h100Datasheet + ": 2TB/s"),
        peakFlops: PeakFlops(
            fp32: Figure.tflops(51, h100Datasheet + ": FP32 51 teraFLOPS"),
            tf32: Figure.tflops(378, h100Datasheet + ": TF32 756 teraFLOPS with sparsity"),
            fp16: Figure.tflops(756.5, h100Datasheet + ": FP16 1,513 teraFLOPS with sparsity"),
            bf16: Figure.tflops(756.5, h100Datasheet + ": BF16 1,513 teraFLOPS with sparsity"),
            fp8: Figure.tflops(1513, h100Datasheet + ": FP8 3,026 teraFLOPS with sparsity"),
            int8: Figure.tflops(1513, h100Datasheet + ": INT8 3,026 TOPS with sparsity")),
        interconnect: Interconnect(
            kind: "PCIe Gen5 x16",
            bandwidth: Figure.gbps(64, h100Datasheet + ": PCIe Gen5 128GB/s bidirectional, half per direction")),
        devicesPerNode: 8,
        notes: "NVLink bridges (600GB/s) join pairs only, so collectives across more than two cards use PCIe")

    static let h200 = HardwareProfile(
        id: "h200", name: "NVIDIA H200 SXM 141GB", vendor: "NVIDIA",
        memory: Figure.gib(141, h200Datasheet + ": 141GB HBM3e"),
        memoryBandwidth: Figure.tbps(4.8, h200Datasheet + ": 4.8TB/s"),
        peakFlops: PeakFlops(
            fp32: Figure.tflops(67, h200Datasheet + ": FP32 67 TFLOPS"),
            tf32: Figure.tflops(494.5, h200Datasheet + ": TF32 989 TFLOPS with sparsity"),
            fp16: Figure.tflops(989.5, h200Datasheet + ": FP16 1,979 TFLOPS with sparsity"),
            bf16: Figure.tflops(989.5, h200Datasheet + ": BF16 1,979 TFLOPS with sparsity"),
            fp8: Figure.tflops(1979, h200Datasheet + ": FP8 3,958 TFLOPS with sparsity"),
            int8: Figure.tflops(1979, h200Datasheet + ": INT8 3,958 TOPS with sparsity")),
        interconnect: Interconnect(
            kind: "NVLink 4 (NVSwitch)",
            bandwidth: Figure.gbps(450, h200Datasheet + ": NVLink 900GB/s bidirectional, half per direction")),
        devicesPerNode: 8,
        notes: "HGX H200 8-GPU board")

    static let b200 = HardwareProfile(
        id: "b200", name: "NVIDIA B200 (HGX/DGX B200, 180GB)", vendor: "NVIDIA",
        memory: Figure.gib(180, dgxB200Datasheet + ": 1,440GB / 8"),
        memoryBandwidth: Figure.tbps(8, dgxB200Datasheet + ": 64TB/s / 8"),
        peakFlops: PeakFlops(
            fp32: Figure.tflops(75, dgxB200Datasheet + ": FP32 600 TFLOPS / 8"),
            tf32: Figure.tflops(1125, dgxB200Datasheet + ": TF32 18 PFLOPS with sparsity / 8 / 2"),
            fp16: Figure.tflops(2250, dgxB200Datasheet + ": FP16 36 PFLOPS with sparsity / 8 / 2"),
            bf16: Figure.tflops(2250, dgxB200Datasheet + ": BF16 36 PFLOPS with sparsity / 8 / 2"),
            fp8: Figure.tflops(4500, dgxB200Datasheet + ": FP8 72 PFLOPS with sparsity / 8 / 2"),
            int8: Figure.tflops(4500, dgxB200Datasheet + ": INT8 72 POPS with sparsity / 8 / 2")),
        interconnect: Interconnect(
            kind: "NVLink 5 (NVSwitch)",
            bandwidth: Figure.gbps(900, dgxB200Datasheet + ": NVLink 1.8TB/s per GPU bidirectional, half per direction")),
        devicesPerNode: 8,
        notes: "FP4 (9 PFLOPS dense per GPU) is not modelled: archcalc has no fp4 dtype yet")
}
