/// Range checks on a profile's `step_time` figures.
enum StepTimeValidation {
    static func validate(
        _ step: StepTimeParameters, fail: (String, String) throws(HardwareError) -> Never
    ) throws(HardwareError) {
        let fractions: [(String, DTypeCurves?)] = [("gemm_compute", step.gemmCompute), ("gemm_bandwidth", step.gemmBandwidth)]
        for (key, curves) in fractions {
            guard let curves else { continue }
            for (dtype, curve) in [("bf16", curves.bf16), ("fp8", curves.fp8), ("int8", curves.int8),
                                   ("int4", curves.int4), ("fp4", curves.fp4)] {
                if let curve { try check(curve, "step_time.\(key).\(dtype)", fail: fail) }
            }
        }
        for (key, curve) in [("gemm_size", step.gemmSize), ("attention_prefill", step.attentionPrefill),
                             ("attention_decode", step.attentionDecode), ("moe_bandwidth", step.moeBandwidth)] {
            if let curve { try check(curve, "step_time.\(key)", fail: fail) }
        }
        for (key, figure) in [("elementwise_bandwidth", step.elementwiseBandwidth), ("moe_compute", step.moeCompute),
                              ("allreduce_bandwidth", step.allReduceBandwidth),
                              ("alltoall_bandwidth", step.allToAllBandwidth)] {
            if let value = figure?.value, !(value > 0 && value <= 1) {
                try fail("step_time.\(key)", "must be a fraction in (0, 1], got \(value)")
            }
        }
        if let value = step.scaleOutBandwidth?.value, !(value > 0) {
            try fail("step_time.scaleout_bandwidth", "must be a positive bandwidth, got \(value)")
        }
        for (op, figures) in step.elementwiseOps?.named ?? [] {
            if let value = figures?.bandwidth?.value, !(value > 0 && value <= 1) {
                try fail("step_time.elementwise_ops.\(op).bandwidth", "must be a fraction in (0, 1], got \(value)")
            }
            if let value = figures?.latency?.value, value > 1 {
                try fail("step_time.elementwise_ops.\(op).latency", "\(value) s is not a per-kernel cost (at most 1 s)")
            }
        }
        for (key, figure) in [("kernel_floor", step.kernelFloor), ("eager_launch", step.eagerLaunch),
                              ("attention_decode_latency", step.attentionDecodeLatency),
                              ("elementwise_latency", step.elementwiseLatency),
                              ("allreduce_latency", step.allReduceLatency), ("alltoall_latency", step.allToAllLatency),
                              ("step_overhead", step.stepOverhead)] {
            if let value = figure?.value, value > 1 {
                try fail("step_time.\(key)", "\(value) s is not a per-kernel or per-step cost (at most 1 s)")
            }
        }
        if let bias = step.routingBias?.value, !(bias >= 1 && bias <= 1000) {
            try fail("step_time.routing_bias", "must be in 1...1000 (1 is uniform routing), got \(bias)")
        }
    }

    static func check(
        _ curve: SourcedCurve, _ key: String, fail: (String, String) throws(HardwareError) -> Never
    ) throws(HardwareError) {
        if curve.points.isEmpty { try fail(key, "a curve needs at least one point") }
        if zip(curve.points, curve.points.dropFirst()).contains(where: { $0.x >= $1.x }) {
            try fail(key, "points must have increasing x")
        }
        if curve.points.contains(where: { !($0.y > 0 && $0.y <= 1) || !($0.x > 0) || !$0.x.isFinite }) {
            try fail(key, "points need finite x > 0 and y in (0, 1]")
        }
    }
}
