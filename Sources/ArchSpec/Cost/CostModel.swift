/// Everything the cost model says about one spec at one workload.
public struct Estimate: Hashable, Codable, Sendable {
    public var name: String
    /// Tokens per sequence the estimate is for.
    public var context: Int
    /// Sequences the estimate is for.
    public var batch: Int
    public var parameters: ParameterBreakdown
    public var weights: WeightsMemory
    public var kvCache: KVCacheMemory
    public var flops: FlopsEstimate
    /// The conventions used (attention FLOPs, logits positions).
    public var options: CostOptions
    /// The layers by kind, in order of first appearance ("12 sliding (window 128) + 12 full").
    public var layerKinds: [LayerKindCount] = []
    /// Set when `context` exceeds the spec's `context_length`.
    public var contextWarning: ContextWarning?
}

/// The analytical cost model: exact integer counts from a resolved spec.
///
/// Every formula is documented term by term in `docs/cost-model.md`.
public enum CostModel {
    /// Computes parameters, weight and KV-cache bytes, and prefill and decode FLOPs.
    ///
    /// - Parameters:
    ///   - spec: A resolved architecture.
    ///   - options: Context, batch, dtypes and counting conventions.
    /// - Returns: The estimate, every count exact.
    /// - Throws: `CostError.invalidOption` for a context or batch below 1, `CostError.tooLarge` when a count
    ///   would not fit in 128 bits.
    public static func estimate(_ spec: ArchitectureSpec, options: CostOptions = CostOptions()) throws(CostError) -> Estimate {
        try estimate(PlanCosts(spec), options: options)
    }

    /// As `estimate(_:options:)`, for a spec whose plan is already laid out.
    static func estimate(_ layers: PlanCosts, options: CostOptions) throws(CostError) -> Estimate {
        let spec = layers.spec
        let context = options.context ?? spec.contextLength
        guard context >= 1 else { throw .invalidOption("context must be at least 1, got \(context)") }
        guard options.batch >= 1 else { throw .invalidOption("batch must be at least 1, got \(options.batch)") }
        let weightsDType = options.weightsDType ?? spec.dtype
        let kvDType = options.kvDType ?? weightsDType

        let parameters = try ParameterCount.breakdown(layers)
        var estimate = Estimate(
            name: spec.name, context: context, batch: options.batch, parameters: parameters,
            weights: try MemoryCount.weights(parameters, dtype: weightsDType),
            kvCache: try MemoryCount.kvCache(layers, dtype: kvDType, context: context, batch: options.batch,
                                             windowCache: options.windowCache),
            flops: try FlopCount.estimate(layers, context: context, batch: options.batch, options: options),
            options: options)
        estimate.layerKinds = LayerKindCount.summary(layers.plan)
        estimate.contextWarning = ContextWarning.check(model: spec.name, context: context, limit: spec.contextLength)
        return estimate
    }
}
