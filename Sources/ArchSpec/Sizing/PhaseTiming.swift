/// What limits a phase: arithmetic, memory traffic, or device-to-device transfers.
public enum Bound: String, Hashable, Codable, Sendable {
    case compute, memory, communication
}

/// Roofline time of one phase on one layout.
public struct PhaseTiming: Hashable, Codable, Sendable {
    /// Estimated wall time with the profile's efficiency factors, seconds:
    /// `max(compute, memory) + communication`.
    public var seconds: Double
    /// The same with datasheet peaks, no efficiency factors and no collective latency, seconds.
    public var idealSeconds: Double
    /// The largest of the three parts.
    public var bound: Bound
    /// Matmul time at the achieved fraction of peak, seconds.
    public var computeSeconds: Double
    /// Memory-traffic time at the achieved fraction of bandwidth, seconds.
    public var memorySeconds: Double
    /// Tensor- and pipeline-parallel transfer time, latency included, seconds.
    public var communicationSeconds: Double
    /// FLOPs of the phase, all devices.
    public var flops: Int128
    /// Bytes one device reads and writes, summed over pipeline stages.
    public var bytesPerDevice: Int128
    /// FLOPs per byte moved on one device.
    public var arithmeticIntensity: Double
    /// The peak the compute dtype offers one device, FLOP/s.
    public var peakFlopsPerDevice: Double
    /// With the step model: one step's terms (a prefill chunk or a decode step) and how many steps the phase
    /// takes (capped at 10^15 for display; `seconds` uses the exact count). `nil` with the roofline.
    public var step: StepTime? = nil
    public var steps: Int = 1
}

/// The inputs the roofline needs for one phase on one device.
struct PhaseWork {
    var linearFlops: Int128
    var attentionFlops: Int128
    var bytesPerDevice: Int128
    /// All-reduces per tensor-parallel group and the bytes of each.
    var allReduces: Int128
    var allReduceBytes: Int128
    /// Pipeline sends between stages and the bytes of each.
    var sends: Int128
    var sendBytes: Int128
}

enum Roofline {
    static func time(_ work: PhaseWork, layout: ParallelLayout, hardware: HardwareProfile, peak: Double) -> PhaseTiming {
        let efficiency = hardware.efficiency ?? Efficiency()
        let tp = Double(layout.tp)
        // The phase's FLOPs split over the tensor ranks of each of dp attention replicas.
        let ranks = Double(layout.stageRanks)
        let linear = Double(work.linearFlops), attention = Double(work.attentionFlops)
        let bytes = Double(work.bytesPerDevice)
        let intensity = bytes > 0 ? (linear + attention) / ranks / bytes : .infinity
        let bandwidth = hardware.memoryBandwidth.value, link = hardware.interconnect.bandwidth.value
        let latency = hardware.interconnect.latency?.value ?? Efficiency.defaultLatency

        let ideal = (compute: (linear + attention) / (ranks * peak), memory: bytes / bandwidth)
        let compute = linear / (ranks * peak * efficiency.fraction(for: .matmul, at: intensity))
            + attention / (ranks * peak * efficiency.fraction(for: .attention, at: intensity))
        let memory = bytes / (bandwidth * efficiency.fraction(for: .memory, at: bytes))

        var transfer = 0.0, idealTransfer = 0.0
        if layout.tp > 1, work.allReduces > 0 {
            // Ring all-reduce: each device sends and receives 2 (tp - 1) / tp of the message.
            let message = Double(work.allReduceBytes)
            let perCall = 2 * (tp - 1) / tp * message / link
            let count = Double(work.allReduces)
            idealTransfer += count * perCall
            transfer += count * (perCall / efficiency.fraction(for: .allreduce, at: message) + latency)
        }
        if layout.pp > 1, work.sends > 0 {
            let message = Double(work.sendBytes), count = Double(work.sends)
            idealTransfer += count * message / link
            transfer += count * (message / (link * efficiency.fraction(for: .send, at: message)) + latency)
        }
        let parts: [(Bound, Double)] = [(.compute, compute), (.memory, memory), (.communication, transfer)]
        let bound = parts.max { $0.1 < $1.1 }?.0 ?? .memory
        return PhaseTiming(
            seconds: max(compute, memory) + transfer, idealSeconds: max(ideal.compute, ideal.memory) + idealTransfer,
            bound: bound, computeSeconds: compute, memorySeconds: memory, communicationSeconds: transfer,
            flops: work.linearFlops + work.attentionFlops, bytesPerDevice: work.bytesPerDevice,
            arithmeticIntensity: intensity, peakFlopsPerDevice: peak)
    }
}
