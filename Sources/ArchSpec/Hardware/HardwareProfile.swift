/// One accelerator (or host) as the sizing model sees it: memory, bandwidth, peak throughput, interconnect and
/// efficiency.
///
/// Built-in profiles live in `HardwareCatalog`; users write the same schema as YAML (`docs/hardware.md`), and
/// calibration writes measured profiles in it. Every figure carries the document it came from.
public struct HardwareProfile: Hashable, Codable, Sendable {
    /// Kebab-case identifier (`h100-sxm`).
    public var id: String
    /// Marketing name with the memory variant (`NVIDIA H100 SXM5 80GB`).
    public var name: String
    /// The company that makes it.
    public var vendor: String
    /// Device memory one device can address (HBM, GDDR or unified DRAM), bytes.
    public var memory: Sourced<Bytes>
    /// Peak memory bandwidth of one device, bytes/s (datasheet GB/s are 10^9 bytes/s).
    public var memoryBandwidth: Sourced<BytesPerSecond>
    /// Peak dense matrix throughput per compute dtype, FLOP/s (OP/s for integers), without sparsity.
    public var peakFlops: PeakFlops
    /// The link between devices used by tensor and pipeline parallelism.
    public var interconnect: Interconnect
    /// Devices that share the fast interconnect (a node or a pod); tensor parallelism stays inside it.
    public var devicesPerNode: Int
    /// Fraction of `memory` held back as a flat reserve (unified-memory devices: the share the OS keeps). `nil`:
    /// sizing uses its runtime-overhead parts instead (`docs/sizing.md`, "Runtime reserve").
    public var reserve: Sourced<Fraction>?
    /// Achieved fractions of peak. `nil` fields fall back to `Efficiency.defaults`.
    public var efficiency: Efficiency?
    /// Step-time model figures (kernel curves, fixed costs, collectives). `nil` fields: `StepTimeParameters.defaults`.
    public var stepTime: StepTimeParameters?
    /// Free text: what the profile assumes (clocks, variant, ECC).
    public var notes: String?

    public init(
        id: String, name: String, vendor: String, memory: Sourced<Bytes>, memoryBandwidth: Sourced<BytesPerSecond>,
        peakFlops: PeakFlops, interconnect: Interconnect, devicesPerNode: Int, reserve: Sourced<Fraction>? = nil,
        efficiency: Efficiency? = nil, stepTime: StepTimeParameters? = nil, notes: String? = nil
    ) {
        self.id = id
        self.name = name
        self.vendor = vendor
        self.memory = memory
        self.memoryBandwidth = memoryBandwidth
        self.peakFlops = peakFlops
        self.interconnect = interconnect
        self.devicesPerNode = devicesPerNode
        self.reserve = reserve
        self.efficiency = efficiency
        self.stepTime = stepTime
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, vendor, memory, memoryBandwidth = "memory_bandwidth", peakFlops = "peak_flops"
        case interconnect, devicesPerNode = "devices_per_node", reserve, efficiency, stepTime = "step_time", notes
    }

    /// The flat reserve fraction this profile sets, if any.
    public var reserveFraction: Double? { reserve?.value }
}

/// Peak dense throughput per dtype, FLOP/s (integer dtypes: OP/s), without 2:4 sparsity.
///
/// A missing dtype means the device has no fast path for it; the sizing model then computes in the next wider
/// dtype the device has (`fp8` falls back to `bf16`, `bf16` to `fp16`, `fp16` to `fp32`).
public struct PeakFlops: Hashable, Codable, Sendable {
    public var fp32: Sourced<FlopsPerSecond>?
    public var tf32: Sourced<FlopsPerSecond>?
    public var fp16: Sourced<FlopsPerSecond>?
    public var bf16: Sourced<FlopsPerSecond>?
    public var fp8: Sourced<FlopsPerSecond>?
    public var int8: Sourced<FlopsPerSecond>?
    public var int4: Sourced<FlopsPerSecond>?
    /// FP4 (NVFP4 / MXFP4) tensor throughput. No `DType` computes in it yet; listed for reports and sizing notes.
    public var fp4: Sourced<FlopsPerSecond>?

    public init(
        fp32: Sourced<FlopsPerSecond>? = nil, tf32: Sourced<FlopsPerSecond>? = nil,
        fp16: Sourced<FlopsPerSecond>? = nil, bf16: Sourced<FlopsPerSecond>? = nil,
        fp8: Sourced<FlopsPerSecond>? = nil, int8: Sourced<FlopsPerSecond>? = nil,
        int4: Sourced<FlopsPerSecond>? = nil, fp4: Sourced<FlopsPerSecond>? = nil
    ) {
        self.fp32 = fp32
        self.tf32 = tf32
        self.fp16 = fp16
        self.bf16 = bf16
        self.fp8 = fp8
        self.int8 = int8
        self.int4 = int4
        self.fp4 = fp4
    }

    /// The figure for one storage dtype, if the device lists one.
    public func figure(for dtype: DType) -> Sourced<FlopsPerSecond>? {
        switch dtype {
        case .fp32: fp32
        case .fp16: fp16
        case .bf16: bf16
        case .fp8: fp8
        case .int8: int8
        case .int4: int4
        }
    }

    /// Every figure present, with its dtype name, widest first.
    public var listed: [(name: String, figure: Sourced<FlopsPerSecond>)] {
        let all: [(String, Sourced<FlopsPerSecond>?)] = [
            ("fp32", fp32), ("tf32", tf32), ("fp16", fp16), ("bf16", bf16), ("fp8", fp8), ("int8", int8), ("int4", int4),
            ("fp4", fp4),
        ]
        return all.compactMap { name, figure in figure.map { (name, $0) } }
    }
}

/// The device-to-device link.
public struct Interconnect: Hashable, Codable, Sendable {
    /// Link name (`NVLink 4`, `PCIe Gen4 x16`, `ICI`).
    public var kind: String
    /// Bandwidth one device can send while receiving as much, bytes/s per direction (half the bidirectional
    /// figure datasheets print).
    public var bandwidth: Sourced<BytesPerSecond>
    /// Fixed cost of one collective (launch and synchronisation), seconds. `nil`: `Efficiency.defaultLatency`.
    public var latency: Sourced<Seconds>?

    /// Whether the link is NVLink (any generation, by its name): the step model's collective defaults differ.
    public var isNVLink: Bool { kind.lowercased().contains("nvlink") }

    public init(kind: String, bandwidth: Sourced<BytesPerSecond>, latency: Sourced<Seconds>? = nil) {
        self.kind = kind
        self.bandwidth = bandwidth
        self.latency = latency
    }
}
