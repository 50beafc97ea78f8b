import Foundation
import Testing
@testable import ArchSpec

/// The step model's single kernels against per-kernel silicon measurements (`scripts/kernel-points.json`, written by
/// `scripts/extract-kernel-points.py` from microsoft/vidur's H100 profiles and deepseek-ai/DeepGEMM's fp8 tables;
/// every point names its source). Each point is priced as the step model prices that kernel in a step: a weight GEMM
/// of M tokens, one elementwise kernel of its operation's own bytes (passes x M x width x 2), one paged decode-attention kernel reading its KV
/// bytes, one all-reduce. Prints one
/// `kernel-point` line per point and one `kernel-summary` line per group, which `scripts/bench-kernels-gpu.py` reads.
@Suite struct StepTimeKernelBenchmarkTests {
    struct Point: Decodable, Sendable {
        var id: String
        var kind: String
        var dtype: String?
        var m: Double?
        var n: Double?
        var k: Double?
        var hidden: Double?
        var op: String?
        var width: Double?
        var gated: Bool?
        var ranks: Int?
        var bytes: Double?
        var link_class: String?
        var link_bytes_per_s: Double?
        var role: String
        var measured_us: Double
    }

    static func points() throws -> [Point] {
        let data = try Data(contentsOf: URL(fileURLWithPath: LintFixtures.root + "/scripts/kernel-points.json"))
        return try JSONDecoder().decode([Point].self, from: data)
    }

    /// The model's time for `point`, microseconds.
    static func predictedMicroseconds(_ point: Point, kernels: KernelTimes, hardware: HardwareProfile) -> Double {
        let m = point.m ?? 1
        switch point.kind {
        case "gemm":
            let fp8 = point.dtype == "fp8"
            let shape = WeightGEMM(name: point.id, n: point.n ?? 0, k: point.k ?? 0, weightBits: fp8 ? 8 : 16)
            let peak = (fp8 ? hardware.peakFlops.fp8 : hardware.peakFlops.bf16)?.value ?? 1
            return kernels.gemm(shape, m: m, peak: peak, computeBits: fp8 ? 8 : 16, computeIsFloat: true).seconds * 1e6
        case "elementwise":
            let op: ElementwiseOp = switch point.op {
            case "input_layernorm": .norm
            case "attn_rope": .rope
            case "mlp_act": point.gated == true ? .gatedActivation : .activation
            default: .residualAdd
            }
            let kernel = ElementwiseKernel(op, width: point.width ?? 0)
            return kernels.elementwise(bytes: m * kernel.bytesPerToken(activationBytes: 2), op: op) * 1e6
        case "attention_decode":
            return kernels.decodeAttention(bytes: point.bytes ?? 0) * 1e6
        case "alltoall":
            return kernels.allToAll(bytes: point.bytes ?? 0, ranks: point.ranks ?? 1) * 1e6
        default:
            return kernels.allReduce(message: point.bytes ?? 0, ranks: point.ranks ?? 1) * 1e6
        }
    }

    /// The group a point is summarised in: kind, dtype or source family, and role.
    static func group(_ point: Point) -> String {
        let family = point.id.hasPrefix("deepgemm") ? "fp8 deepgemm" : point.id.hasPrefix("cutlass") ? "fp8 cutlass"
            : point.id.hasPrefix("tilelang") ? "fp8 tilelang"
            : point.kind == "alltoall" ? (point.link_class ?? "nvlink")
            : point.kind == "gemm" ? "bf16 vidur" : point.kind == "attention_decode"
            ? (point.id.hasPrefix("fa3") ? "fa3 batch16" : "flashinfer batch1") : "vidur"
        return "\(point.kind) \(family) \(point.role)"
    }

    static func summary(_ ratios: [Double]) -> (geomean: Double, within: Int) {
        let geomean = exp(ratios.map { log($0) }.reduce(0, +) / Double(max(ratios.count, 1)))
        return (geomean, ratios.filter { abs($0 - 1) <= 0.15 }.count)
    }

    @Test func kernelTimesAgainstSiliconMeasurements() throws {
        let h100 = SizingFixtures.hardware("h100-sxm")
        let kernels = KernelTimes(hardware: h100)
        var groups: [String: [Double]] = [:]
        // The RDMA all-to-all points ran over 400 Gb/s InfiniBand: an H100 whose link is that NIC.
        var rdma = h100
        rdma.interconnect = Interconnect(kind: "InfiniBand NDR (ConnectX-7)", bandwidth: Sourced(50e9))
        let rdmaKernels = KernelTimes(hardware: rdma)
        for point in try Self.points() {
            let onRDMA = point.link_class == "rdma"
            let predicted = Self.predictedMicroseconds(point, kernels: onRDMA ? rdmaKernels : kernels,
                                                       hardware: onRDMA ? rdma : h100)
            let ratio = predicted / point.measured_us
            groups[Self.group(point), default: []].append(ratio)
            print(String(format: "kernel-point %@ %@ measured %.3f us predicted %.3f us ratio %.3f", point.id,
                         Self.group(point), point.measured_us, predicted, ratio))
        }
        // vidur's all-reduces are NCCL's: priced again with the NCCL choice (`step_time.allreduce: nccl`).
        var nccl = h100
        nccl.stepTime = StepTimeParameters(allReduce: .nccl)
        let ncclKernels = KernelTimes(hardware: nccl)
        for point in try Self.points() where point.kind == "allreduce" {
            let predicted = Self.predictedMicroseconds(point, kernels: ncclKernels, hardware: nccl)
            groups["allreduce vidur nccl check", default: []].append(predicted / point.measured_us)
            print(String(format: "kernel-point %@ allreduce vidur nccl check measured %.3f us predicted %.3f us ratio %.3f",
                         point.id, point.measured_us, predicted, predicted / point.measured_us))
        }
        for (name, ratios) in groups.sorted(by: { $0.key < $1.key }) {
            let s = Self.summary(ratios)
            print(String(format: "kernel-summary %@: %d points, geometric mean %.3f, %d within 15%%", name,
                         ratios.count, s.geomean, s.within))
        }
        // The bf16 GEMM curves were fitted to two models' vidur GEMMs; the three held-out models' GEMMs must lie
        // within 5% on the geometric mean, and most of them within 15%.
        let check = try #require(groups["gemm bf16 vidur check"])
        let held = Self.summary(check)
        #expect(check.count >= 400)
        #expect(abs(held.geomean - 1) <= 0.05, "held-out bf16 GEMM geometric mean \(held.geomean)")
        #expect(Double(held.within) >= 0.75 * Double(check.count), "\(held.within) of \(check.count) within 15%")
        // The all-to-all figures were fitted per link class (scripts/fit-alltoall.py); the Swift model must price
        // the fit points as the fit did. pplx-kernels' IBGDA kernels (rdma check) take about 3.5 times what the
        // DeepEP fit prices, so no figure fits both: printed, not asserted (docs/sizing.md).
        for name in ["alltoall nvlink fit", "alltoall rdma fit"] {
            let fit = Self.summary(try #require(groups[name]))
            #expect(abs(fit.geomean - 1) <= 0.05, "\(name) geometric mean \(fit.geomean)")
        }
        #expect(groups["alltoall nvlink fit"]?.allSatisfy { abs($0 - 1) <= 0.15 } == true)
        // elementwise_ops (a latency and bandwidth share per operation) were fitted to the same two models' elementwise
        // kernels, each priced by its operation's own bytes; the held-out models' must lie within 5% on the geometric
        // mean and about half within 15%. One latency and fraction for every operation (elementwise_latency and
        // elementwise_bandwidth alone, the model before the per-operation keys) put 127 of 480 within 15%, which the
        // count rejects (`elementwiseOneLatencyFailsTheHeldOutCount`).
        let elementwise = try #require(groups["elementwise vidur check"])
        let heldElementwise = Self.summary(elementwise)
        #expect(elementwise.count >= 400)
        #expect(abs(heldElementwise.geomean - 1) <= 0.05, "held-out elementwise geometric mean \(heldElementwise.geomean)")
        #expect(Double(heldElementwise.within) >= 0.45 * Double(elementwise.count),
                "\(heldElementwise.within) of \(elementwise.count) elementwise within 15%")
    }

    /// The held-out elementwise check can fail: the same points priced without the per-operation figures (one latency
    /// and fraction for every operation) fall short of its count.
    @Test func elementwiseOneLatencyFailsTheHeldOutCount() throws {
        var h100 = SizingFixtures.hardware("h100-sxm")
        h100.stepTime = StepTimeParameters(elementwiseOps: ElementwiseOpFigures(
            norm: ElementwiseFigures(latency: Sourced(1.8e-6), bandwidth: Sourced(0.71)),
            addNorm: ElementwiseFigures(latency: Sourced(1.8e-6), bandwidth: Sourced(0.71)),
            residualAdd: ElementwiseFigures(latency: Sourced(1.8e-6), bandwidth: Sourced(0.71)),
            rope: ElementwiseFigures(latency: Sourced(1.8e-6), bandwidth: Sourced(0.71)),
            activation: ElementwiseFigures(latency: Sourced(1.8e-6), bandwidth: Sourced(0.71))))
        let kernels = KernelTimes(hardware: h100)
        let ratios = try Self.points().filter { $0.kind == "elementwise" && $0.role == "check" }
            .map { Self.predictedMicroseconds($0, kernels: kernels, hardware: h100) / $0.measured_us }
        let s = Self.summary(ratios)
        #expect(ratios.count >= 400)
        #expect(Double(s.within) < 0.45 * Double(ratios.count), "\(s.within) of \(ratios.count) within 15%")
    }
}
