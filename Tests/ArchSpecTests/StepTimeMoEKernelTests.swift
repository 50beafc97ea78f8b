import Foundation
import Testing
@testable import ArchSpec

/// The routed-expert term against published fused-MoE kernel times (vllm-project/vllm PR #24700,
/// `benchmark_moe.py` on one H100 80GB HBM3, random routing): per layer, the model's grouped GEMMs plus its three
/// routing kernels. The batch sizes `moe_bandwidth` was derived from are fit points; the rest are check points.
@Suite struct StepTimeMoEKernelTests {
    struct Point: CustomTestStringConvertible, Sendable {
        var model: String
        var batch: Double
        var measuredMicroseconds: Double
        var fit: Bool
        var testDescription: String { "\(model) batch \(Int(batch))\(fit ? " (fit)" : "")" }
    }

    /// Qwen3-30B-A3B fp8_w8a8, TP 1 (the PR's column; E = 128, top 8, gate_up 1536 x 2048, down 2048 x 768).
    static let qwen: [Point] = [(1, 40.44, true), (2, 56.15, false), (4, 78.10, false), (8, 118.64, true),
                                (16, 164.64, false), (32, 210.07, true), (64, 237.26, false), (128, 247.67, false),
                                (256, 262.38, false), (512, 286.24, false)]
        .map { Point(model: "qwen3-30b-a3b fp8", batch: $0.0, measuredMicroseconds: $0.1, fit: $0.2) }
    /// Mixtral-8x7B bf16, TP 2, tuned config (E = 8, top 2, gate_up 14336 x 4096, down 4096 x 7168).
    static let mixtral: [Point] = [(1, 144.03, false), (2, 229.28, false), (4, 351.10, false), (8, 434.98, false),
                                   (16, 471.49, true), (64, 483.14, false), (128, 491.39, false),
                                   (256, 536.77, false), (512, 662.33, false), (1024, 833.72, true),
                                   (1536, 1122.93, true)]
        .map { Point(model: "mixtral-8x7b bf16 tp2", batch: $0.0, measuredMicroseconds: $0.1, fit: $0.2) }

    static func predictedMicroseconds(_ point: Point) -> Double {
        let h100 = SizingFixtures.hardware("h100-sxm")
        let kernels = KernelTimes(hardware: h100)
        let fp8 = point.model.hasPrefix("qwen")
        let moe = fp8
            ? MoEWork(experts: 128, topK: 8, gemms: [WeightGEMM(name: "gate_up", n: 1536, k: 2048, weightBits: 8),
                                                     WeightGEMM(name: "down", n: 2048, k: 768, weightBits: 8)])
            : MoEWork(experts: 8, topK: 2, gemms: [WeightGEMM(name: "gate_up", n: 14336, k: 4096, weightBits: 16),
                                                   WeightGEMM(name: "down", n: 4096, k: 7168, weightBits: 16)])
        let work = StepWork(tokens: point.batch, sequences: point.batch, context: 1, hidden: fp8 ? 2048 : 4096,
                            computeBits: fp8 ? 8 : 16, peak: fp8 ? 1978.9e12 : 989.4e12, peak16: 989.4e12, stages: [])
        let routing = StepWorkBuilder.routing(experts: moe.experts, topK: moe.topK, hidden: work.hidden).reduce(0.0) {
            $0 + kernels.elementwise(bytes: point.batch * $1.bytesPerToken(activationBytes: 2))
        }
        return (StepTimeModel.experts(moe, work: work, kernels: kernels).seconds + routing) * 1e6
    }

    @Test(arguments: qwen + mixtral)
    func fusedMoEKernelTimesMatchTheMeasuredOnes(point: Point) {
        let ratio = Self.predictedMicroseconds(point) / point.measuredMicroseconds
        print(String(format: "moe-kernel %@ batch %4d measured %7.2f us predicted %7.2f us ratio %.3f %@",
                     point.model, Int(point.batch), point.measuredMicroseconds, ratio * point.measuredMicroseconds,
                     ratio, point.fit ? "fit" : "check"))
        // Fit points reproduce their measurement (the curve passes through its four; one moe_compute figure serves
        // two), within 5%; check points lie within 15%.
        #expect(abs(ratio - 1) <= (point.fit ? 0.05 : 0.15), "ratio \(ratio)")
    }

    /// Without the grouped-kernel curve (per-expert streaming at the dense GEMM figures), Qwen3-30B-A3B's small
    /// experts at batch 64 would take about twice the measured time: the curve is what brings them in.
    @Test func theDenseGEMMFiguresOverestimateManySmallExperts() {
        var parameters = StepTimeParameters.defaults
        parameters.moeBandwidth = nil
        let kernels = KernelTimes(parameters: StepTimeParameters(), bandwidth: 3.35e12, link: 450e9)
        var dense = kernels
        dense.parameters = parameters
        let moe = MoEWork(experts: 128, topK: 8, gemms: [WeightGEMM(name: "gate_up", n: 1536, k: 2048, weightBits: 8),
                                                         WeightGEMM(name: "down", n: 2048, k: 768, weightBits: 8)])
        let work = StepWork(tokens: 64, sequences: 64, context: 1, hidden: 2048, computeBits: 8, peak: 1978.9e12,
                            peak16: 989.4e12, stages: [])
        let withCurve = StepTimeModel.experts(moe, work: work, kernels: kernels).seconds
        let without = StepTimeModel.experts(moe, work: work, kernels: dense).seconds
        #expect(without > 1.7 * withCurve)
    }

    /// The default routing bias reproduces the measured hottest rank (TensorRT-LLM's EPLB example: DeepSeek-R1, EP 32,
    /// mean 1024 routed tokens per rank, imbalance ratio 1.564 without a balancer), and has no effect at ep = 1.
    @Test func theDefaultRoutingBiasReproducesTheMeasuredImbalance() throws {
        let bias = try #require(StepTimeParameters.defaults.routingBias?.value)
        let ep32 = RoutingLoad(tokens: 4096, experts: 256, topK: 8, ranks: 32, bias: bias)
        #expect(abs(ep32.rows / 1024 - 2.564) < 0.01)
        let tp = RoutingLoad(tokens: 64, experts: 128, topK: 8, ranks: 1, bias: bias)
        #expect(tp == RoutingLoad(tokens: 64, experts: 128, topK: 8, ranks: 1, bias: 1))
    }
}
