/// The planner's answer: the smallest deployment that meets the targets (or none, with why), the smallest per
/// device kind and mode, the smaller deployments that fail and why, and the throughput frontier.
public struct ServingPlan: Hashable, Codable, Sendable {
    public var model: String
    public var contextLength: Int
    public var workload: ServingWorkload
    public var targets: ServingTargets
    /// What was searched.
    public var hardware: [String]
    public var weightDTypes: [DType]
    public var tp: [Int]
    public var pp: [Int]
    /// Attention data-parallel degrees searched (`[1]`: none).
    public var dp: [Int] = [1]
    public var chunks: [Int]
    public var modes: [ServingMode]
    public var gpuBudget: Int
    /// $/device-hour by hardware id, as given.
    public var prices: [String: Double]
    /// Replica configurations built (each searched over replica counts by bisection).
    public var configurations: Int
    /// The fewest devices meeting every target; `nil` when no searched deployment does.
    public var best: Deployment?
    /// The smallest deployment per device kind and mode, fewest devices first.
    public var alternatives: [Deployment]
    /// Deployments with fewer devices than `best` (all, when there is none) and why each fails, fewest devices
    /// first, one per configuration.
    public var rejections: [ServingRejection]
    /// The Pareto frontier of output tokens/s per device against tokens/s per user over every configuration
    /// that runs, at saturation (no TTFT target applied).
    public var frontier: [ParetoPoint]
    /// The device kinds and dtypes whose default pp or dp degrees were widened because no requested layout held
    /// the weights, and why.
    public var widened: [SearchWidening] = []
    /// Suggestions when every attempt fails on memory: `fp8 weights fit on h100-sxm (tp 8 x pp 1): try --dtype fp8`.
    public var hints: [String] = []
}
