/// The serving planner behind `archcalc recommend`: searches device kinds, weight dtypes, layouts and chunk
/// sizes, bisects the replica count of each, and keeps the fewest devices that meet the targets.
///
/// The search is bounded: |hardware| x |dtypes| x |tp| x |pp| x |chunks| configurations (each list at most 64
/// long), each with a bisection over 1...budget / devices replicas (at most 41 steps for a budget of 2^40). With
/// `widenPP` / `widenDP`, a device kind and dtype on which no requested layout holds the weights gets at most 11
/// more pp and 11 more dp degrees (`Widening`).
public enum ServingPlanner {
    /// Plans `spec` for `workload` under `targets`.
    ///
    /// - Returns: The plan; `best` is `nil` when nothing searched meets the targets, and `rejections` say why.
    /// - Throws: `ServingError` for options out of range (rate, lengths beyond the context, empty candidates).
    public static func plan(
        _ spec: ArchitectureSpec, workload: ServingWorkload, targets: ServingTargets, request: ServingRequest
    ) throws(ServingError) -> ServingPlan {
        try request.validate()
        try targets.validate()
        try workload.validate(contextLength: spec.contextLength)
        let dtypes = request.weightDTypes.isEmpty ? [spec.dtype] : request.weightDTypes
        var search = Search(workload: workload, targets: targets, request: request)
        var widened: [SearchWidening] = []
        var hints: [String] = []
        for hardware in request.candidates {
            for dtype in dtypes {
                let factory: ReplicaFactory
                do {
                    factory = try ReplicaFactory(spec, hardware: hardware, weights: dtype, kv: request.kvDType,
                                                 workload: workload, timing: request.timing, allReduce: request.allReduce)
                } catch .sizing(let error) {
                    search.unusable(hardware: hardware.id, dtype: dtype, kv: request.kvDType ?? dtype,
                                    reason: error.description)
                    continue
                }
                var degrees = request
                if let widening = try Widening.widen(request, factory) {
                    degrees.pp = widening.pp ?? request.pp
                    degrees.dp = widening.dp ?? request.dp
                    widened.append(widening)
                }
                try search.run(factory, degrees: degrees)
                if let hint = try hint(spec, hardware: hardware, dtype: dtype, dtypes: dtypes, degrees: degrees,
                                       workload: workload, request: request, factory: factory) {
                    hints.append(hint)
                }
            }
        }
        return search.plan(spec, dtypes: dtypes, widened: widened, hints: hints)
    }

    /// When no layout searched holds 16-bit weights on a device that computes fp8 and fp8 was not tried: the
    /// first searched layout that holds fp8 weights, as a hint (the search itself is unchanged).
    static func hint(
        _ spec: ArchitectureSpec, hardware: HardwareProfile, dtype: DType, dtypes: [DType], degrees: ServingRequest,
        workload: ServingWorkload, request: ServingRequest, factory: ReplicaFactory
    ) throws(ServingError) -> String? {
        guard dtype == .bf16 || dtype == .fp16, hardware.peakFlops.fp8 != nil, !dtypes.contains(.fp8),
              try Widening.holding(degrees, factory.setup) == nil else { return nil }
        guard let fp8 = try? ReplicaFactory(spec, hardware: hardware, weights: .fp8, kv: request.kvDType,
                                            workload: workload, timing: request.timing, allReduce: request.allReduce),
              let layout = try Widening.holding(degrees, fp8.setup) else { return nil }
        return "no layout searched holds \(dtype.rawValue) weights on \(hardware.id); fp8 weights fit (\(layout)): "
            + "try --dtype fp8"
    }
}
