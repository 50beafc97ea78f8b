/// The traffic to serve: Poisson arrivals at `requestRate`, prompt and output lengths, and the share of prompt
/// tokens found in the prefix cache.
public struct ServingWorkload: Hashable, Codable, Sendable {
    /// Requests per second, all replicas together.
    public var requestRate: Double
    /// Prompt tokens per request.
    public var input: LengthDistribution
    /// Generated tokens per request.
    public var output: LengthDistribution
    /// Share of prompt tokens served from the prefix cache (0...1): they take KV memory but no prefill compute.
    public var prefixHitRate: Double

    /// The highest request rate accepted, requests per second (ten million).
    public static let maxRequestRate = 1e7

    public init(requestRate: Double, input: LengthDistribution, output: LengthDistribution, prefixHitRate: Double = 0) {
        self.requestRate = requestRate
        self.input = input
        self.output = output
        self.prefixHitRate = prefixHitRate
    }

    /// Prompt tokens each request computes, on average: E[input] x (1 - hit rate).
    public var computedPromptTokens: Double { input.mean * (1 - prefixHitRate) }

    /// The mean tokens a decoding sequence holds in the KV cache: its prompt and half its output.
    public var meanLiveContext: Double { input.mean + output.mean / 2 }

    func validate(contextLength: Int) throws(ServingError) {
        guard requestRate.isFinite, requestRate > 0 else {
            throw .invalidOption("request rate must be above 0 requests/s, got \(HumanUnits.significant(requestRate))")
        }
        guard requestRate <= Self.maxRequestRate else {
            throw .invalidOption("request rate \(HumanUnits.significant(requestRate)) requests/s is beyond the "
                + "\(HumanUnits.significant(Self.maxRequestRate)) the planner models")
        }
        guard prefixHitRate.isFinite, prefixHitRate >= 0, prefixHitRate < 1 else {
            throw .invalidOption("prefix-cache hit rate must be in 0..<1, got \(HumanUnits.significant(prefixHitRate))")
        }
        let longest = input.checkedMaximum + output.checkedMaximum
        if longest > Double(contextLength) {
            throw .invalidOption("input \(input) + output \(output) reach \(LengthDistribution.tokens(longest.rounded(.up))) "
                + "tokens (largest or 0.999 quantile), beyond the model's context_length \(contextLength)")
        }
    }
}

/// Latency targets, seconds; `nil` means no target at that percentile.
public struct ServingTargets: Hashable, Codable, Sendable {
    /// Time to first token, median and 90th percentile.
    public var ttftP50: Double?
    public var ttftP90: Double?
    /// Time per output token after the first (the mean inter-token gap of one request), median and p90.
    public var tpotP50: Double?
    public var tpotP90: Double?

    public init(ttftP50: Double? = nil, ttftP90: Double? = nil, tpotP50: Double? = nil, tpotP90: Double? = nil) {
        self.ttftP50 = ttftP50
        self.ttftP90 = ttftP90
        self.tpotP50 = tpotP50
        self.tpotP90 = tpotP90
    }

    var isEmpty: Bool { ttftP50 == nil && ttftP90 == nil && tpotP50 == nil && tpotP90 == nil }

    func validate() throws(ServingError) {
        for (name, value) in [("ttft p50", ttftP50), ("ttft p90", ttftP90), ("tpot p50", tpotP50), ("tpot p90", tpotP90)] {
            if let value, !(value.isFinite && value > 0 && value <= 86_400) {
                throw .invalidOption("\(name) target must be above 0 and at most one day, got \(HumanUnits.significant(value)) s")
            }
        }
    }
}
