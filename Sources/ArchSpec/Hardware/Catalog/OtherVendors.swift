extension HardwareCatalog {
    static let mi300xDatasheet = "AMD Instinct MI300X accelerator datasheet (amd.com/en/products/accelerators/instinct/mi300"
        + "/mi300x.html), dense figures"
    static let tpuV5eDocs = "Google Cloud TPU v5e documentation (cloud.google.com/tpu/docs/v5e), key chip specifications"
    static let m2UltraSource = "Apple newsroom 'Apple introduces M2 Ultra' (June 2023) and Mac Studio (2023) tech specs"
    static let cpuDerivation = "derived: generic 32-core server CPU at 3.0 GHz with AVX-512"

    static let mi300x = HardwareProfile(
        id: "mi300x", name: "AMD Instinct MI300X 192GB", vendor: "AMD",
        memory: Figure.gib(192, mi300xDatasheet + ": 192GB HBM3"),
        memoryBandwidth: Figure.tbps(5.3, mi300xDatasheet + ": 5.3TB/s peak"),
        peakFlops: PeakFlops(
            fp32: Figure.tflops(163.4, mi300xDatasheet + ": FP32 matrix 163.4 TFLOPS"),
            tf32: Figure.tflops(653.7, mi300xDatasheet + ": TF32 653.7 TFLOPS"),
            fp16: Figure.tflops(1307.4, mi300xDatasheet + ": FP16 1,307.4 TFLOPS"),
            bf16: Figure.tflops(1307.4, mi300xDatasheet + ": BF16 1,307.4 TFLOPS"),
            fp8: Figure.tflops(2614.9, mi300xDatasheet + ": FP8 2,614.9 TFLOPS"),
            int8: Figure.tflops(2614.9, mi300xDatasheet + ": INT8 2,614.9 TOPS")),
        interconnect: Interconnect(
            kind: "Infinity Fabric (xGMI)",
            bandwidth: Figure.gbps(448, mi300xDatasheet + ": 896GB/s peak aggregate Infinity Fabric, half per direction")),
        devicesPerNode: 8, notes: "8-GPU OAM platform, fully connected")

    static let tpuV5e = HardwareProfile(
        id: "tpu-v5e", name: "Google Cloud TPU v5e (one chip)", vendor: "Google",
        memory: Figure.gib(16, tpuV5eDocs + ": HBM2 capacity 16 GB"),
        memoryBandwidth: Figure.gbps(819, tpuV5eDocs + ": HBM2 bandwidth 819 GBps"),
        peakFlops: PeakFlops(
            bf16: Figure.tflops(197, tpuV5eDocs + ": peak compute per chip (bf16) 197 TFLOPs"),
            int8: Figure.tflops(393, tpuV5eDocs + ": peak compute per chip (Int8) 393 TOPs")),
        interconnect: Interconnect(
            kind: "ICI (2D torus)",
            bandwidth: Figure.gbps(200, tpuV5eDocs + ": inter-chip interconnect 1600 Gbps = 400 GBps bidirectional,"
                + " half per direction")),
        devicesPerNode: 8, notes: "8 chips per host; larger slices (up to 256 chips) also use ICI")

    static let m2Ultra = HardwareProfile(
        id: "m2-ultra", name: "Apple M2 Ultra (76-core GPU, 192GB unified memory)", vendor: "Apple",
        memory: Figure.gib(192, m2UltraSource + ": up to 192GB unified memory"),
        memoryBandwidth: Figure.gbps(800, m2UltraSource + ": 800GB/s memory bandwidth"),
        peakFlops: PeakFlops(
            fp32: Figure.tflops(27.2, m2UltraSource + ": 76-core GPU, 27.2 teraflops"),
            fp16: Figure.tflops(27.2, "derived: Apple publishes FP32 only; the M2 GPU runs FP16 at the FP32 rate")),
        interconnect: Interconnect(
            kind: "Thunderbolt 4",
            bandwidth: Figure.gbps(5, m2UltraSource + ": Thunderbolt 4 40Gb/s ports, 5GB/s per direction")),
        devicesPerNode: 1,
        reserve: Figure.fraction(0.25, "derived: macOS lets the GPU wire about 75% of unified memory by default"
            + " (Metal recommendedMaxWorkingSetSize); the OS and apps keep the rest"),
        notes: "unified memory: CPU and GPU share the 192GB; bf16 runs at the fp16 rate")

    static let cpu = HardwareProfile(
        id: "cpu", name: "Generic CPU host (32 cores, 8-channel DDR5-4800, 256GB)", vendor: "generic",
        memory: Figure.gib(256, cpuDerivation + ": 8 x 32GB DDR5 RDIMM"),
        memoryBandwidth: Figure.gbps(307.2, "derived: 8 channels x DDR5-4800 x 8 bytes = 307.2GB/s (JEDEC DDR5)"),
        peakFlops: PeakFlops(
            fp32: Figure.tflops(6.144, cpuDerivation + ": 32 cores x 3.0e9 x 2 FMA units x 16 lanes x 2"),
            bf16: Figure.tflops(12.288, cpuDerivation + ": AVX512_BF16 dot products at twice the FP32 rate"),
            int8: Figure.tflops(24.576, cpuDerivation + ": AVX512_VNNI int8 at four times the FP32 rate")),
        interconnect: Interconnect(
            kind: "100 Gb Ethernet",
            bandwidth: Figure.gbps(12.5, "derived: one 100Gb/s NIC, 12.5GB/s per direction")),
        devicesPerNode: 1, notes: "an illustrative host, not a product; write your own with --hardware FILE.yaml")
}
