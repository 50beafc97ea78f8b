/// The serving planner behind `archcalc recommend`: searches device kinds, weight dtypes, layouts and chunk
/// sizes, bisects the replica count of each, and keeps the fewest devices that meet the targets.
///
/// The search is bounded: |hardware| x |dtypes| x |tp| x |pp| x |chunks| configurations (each list at most 64
/// long), each with a bisection over 1...budget / devices replicas (at most 41 steps for a budget of 2^40).
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
                try search.run(factory)
            }
        }
        return search.plan(spec, dtypes: dtypes)
    }
}
