extension HardwareCatalog {
    static let a100Datasheet = "NVIDIA A100 Tensor Core GPU datasheet (nvidia.com/en-us/data-center/a100), SXM column,"
        + " dense figures (the datasheet marks sparsity figures with *)"
    static let l40sDatasheet = "NVIDIA L40S datasheet (nvidia.com/en-us/data-center/l40s), dense column"
    static let l4Datasheet = "NVIDIA L4 Tensor Core GPU datasheet (nvidia.com/en-us/data-center/l4), dense = half the"
        + " sparsity figure"
    static let adaWhitepaper = "NVIDIA Ada GPU Architecture whitepaper, appendix table for GeForce RTX 4090 (dense,"
        + " FP32 accumulate)"
    static let a10gSource = "Baseten, 'NVIDIA A10 vs A10G for ML model inference' (baseten.co/blog), spec table:"
        + " NVIDIA publishes no A10G datasheet"
    static let pcie4 = "PCIe Gen4 x16: 64GB/s bidirectional (card datasheets), half per direction"

    static let a100_40 = HardwareProfile(
        id: "a100-40gb", name: "NVIDIA A100 SXM4 40GB", vendor: "NVIDIA",
        memory: Figure.gib(40, a100Datasheet + ": 40GB HBM2"),
        memoryBandwidth: Figure.gbps(1555, a100Datasheet + ": 1,555GB/s"),
        peakFlops: ampereA100Flops,
        interconnect: a100NVLink, devicesPerNode: 8, notes: "HGX A100 8-GPU board")

    static let a100_80 = HardwareProfile(
        id: "a100-80gb", name: "NVIDIA A100 SXM4 80GB", vendor: "NVIDIA",
        memory: Figure.gib(80, a100Datasheet + ": 80GB HBM2e"),
        memoryBandwidth: Figure.gbps(2039, a100Datasheet + ": 2,039GB/s"),
        peakFlops: ampereA100Flops,
        interconnect: a100NVLink, devicesPerNode: 8, notes: "HGX A100 8-GPU board")

    static let ampereA100Flops = PeakFlops(
        fp32: Figure.tflops(19.5, a100Datasheet + ": FP32 19.5 TFLOPS"),
        tf32: Figure.tflops(156, a100Datasheet + ": TF32 156 TFLOPS"),
        fp16: Figure.tflops(312, a100Datasheet + ": FP16 Tensor Core 312 TFLOPS"),
        bf16: Figure.tflops(312, a100Datasheet + ": BFLOAT16 Tensor Core 312 TFLOPS"),
        int8: Figure.tflops(624, a100Datasheet + ": INT8 Tensor Core 624 TOPS"),
        int4: Figure.tflops(1248, "NVIDIA A100 Tensor Core GPU Architecture whitepaper: INT4 1,248 TOPS dense"))

    static let a100NVLink = Interconnect(
        kind: "NVLink 3 (NVSwitch)",
        bandwidth: Figure.gbps(300, a100Datasheet + ": NVLink 600GB/s bidirectional, half per direction"))

    static let l40s = HardwareProfile(
        id: "l40s", name: "NVIDIA L40S 48GB", vendor: "NVIDIA",
        memory: Figure.gib(48, l40sDatasheet + ": 48GB GDDR6 with ECC"),
        memoryBandwidth: Figure.gbps(864, l40sDatasheet + ": 864GB/s"),
        peakFlops: PeakFlops(
            fp32: Figure.tflops(91.6, l40sDatasheet + ": FP32 91.6 TFLOPS"),
            tf32: Figure.tflops(183, l40sDatasheet + ": TF32 183 TFLOPS"),
            fp16: Figure.tflops(362.05, l40sDatasheet + ": FP16 362.05 TFLOPS"),
            bf16: Figure.tflops(362.05, l40sDatasheet + ": BF16 362.05 TFLOPS"),
            fp8: Figure.tflops(733, l40sDatasheet + ": FP8 733 TFLOPS"),
            int8: Figure.tflops(733, l40sDatasheet + ": INT8 733 TOPS")),
        interconnect: Interconnect(kind: "PCIe Gen4 x16", bandwidth: Figure.gbps(32, l40sDatasheet + "; " + pcie4)),
        devicesPerNode: 8, notes: "no NVLink; ECC on reduces usable memory, covered by the runtime reserve")

    static let l4 = HardwareProfile(
        id: "l4", name: "NVIDIA L4 24GB", vendor: "NVIDIA",
        memory: Figure.gib(24, l4Datasheet + ": 24GB GDDR6"),
        memoryBandwidth: Figure.gbps(300, l4Datasheet + ": 300GB/s"),
        peakFlops: PeakFlops(
            fp32: Figure.tflops(30.3, l4Datasheet + ": FP32 30.3 teraFLOPS"),
            tf32: Figure.tflops(60, l4Datasheet + ": TF32 120 teraFLOPS with sparsity"),
            fp16: Figure.tflops(121, l4Datasheet + ": FP16 242 teraFLOPS with sparsity"),
            bf16: Figure.tflops(121, l4Datasheet + ": BF16 242 teraFLOPS with sparsity"),
            fp8: Figure.tflops(242.5, l4Datasheet + ": FP8 485 teraFLOPS with sparsity"),
            int8: Figure.tflops(242.5, l4Datasheet + ": INT8 485 TOPS with sparsity")),
        interconnect: Interconnect(kind: "PCIe Gen4 x16", bandwidth: Figure.gbps(32, l4Datasheet + "; " + pcie4)),
        devicesPerNode: 8, notes: "72 W low-profile card; no NVLink")

    static let a10g = HardwareProfile(
        id: "a10g", name: "NVIDIA A10G 24GB (AWS G5)", vendor: "NVIDIA",
        memory: Figure.gib(24, a10gSource + ": 24GB GDDR6"),
        memoryBandwidth: Figure.gbps(600, a10gSource + ": 600GB/s"),
        peakFlops: PeakFlops(
            fp32: Figure.tflops(35, a10gSource + ": FP32 35 TFLOPS"),
            tf32: Figure.tflops(35, a10gSource + ": TF32 35 TFLOPS"),
            fp16: Figure.tflops(70, a10gSource + ": FP16 tensor 70 TFLOPS"),
            bf16: Figure.tflops(70, a10gSource + ": BF16 tensor 70 TFLOPS"),
            int8: Figure.tflops(140, a10gSource + ": INT8 140 TOPS")),
        interconnect: Interconnect(kind: "PCIe Gen4 x16", bandwidth: Figure.gbps(32, pcie4)),
        devicesPerNode: 8,
        notes: "tensor figures are third-party (no public NVIDIA A10G datasheet); the A10 lists 125 TFLOPS BF16")

    static let rtx4090 = HardwareProfile(
        id: "rtx-4090", name: "NVIDIA GeForce RTX 4090 24GB", vendor: "NVIDIA",
        memory: Figure.gib(24, adaWhitepaper + ": 24GB GDDR6X"),
        memoryBandwidth: Figure.gbps(1008, adaWhitepaper + ": 1,008GB/s"),
        peakFlops: PeakFlops(
            fp32: Figure.tflops(82.6, adaWhitepaper + ": peak FP32 82.6 TFLOPS"),
            tf32: Figure.tflops(82.6, adaWhitepaper + ": TF32 tensor 82.6 TFLOPS"),
            fp16: Figure.tflops(165.2, adaWhitepaper + ": FP16 tensor, FP32 accumulate 165.2 TFLOPS"),
            bf16: Figure.tflops(165.2, adaWhitepaper + ": BF16 tensor, FP32 accumulate 165.2 TFLOPS"),
            fp8: Figure.tflops(330.3, adaWhitepaper + ": FP8 tensor, FP32 accumulate 330.3 TFLOPS"),
            int8: Figure.tflops(660.6, adaWhitepaper + ": INT8 tensor 660.6 TOPS"),
            int4: Figure.tflops(1321.2, adaWhitepaper + ": INT4 tensor 1,321.2 TOPS")),
        interconnect: Interconnect(kind: "PCIe Gen4 x16", bandwidth: Figure.gbps(32, pcie4)),
        devicesPerNode: 8, notes: "consumer card; FP16 accumulate doubles the FP16 figure, FP32 accumulate assumed")
}
