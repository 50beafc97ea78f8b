/// The planner's search state: every configuration tried, the smallest deployments found, and the rejections.
struct Search {
    var workload: ServingWorkload
    var targets: ServingTargets
    var request: ServingRequest
    var configurations = 0
    var found: [Deployment] = []
    var rejections: [ServingRejection] = []
    var points: [ParetoPoint] = []

    mutating func unusable(hardware: String, dtype: DType, kv: DType, reason: String) {
        let config = ReplicaConfig(hardware: hardware, weights: dtype, kv: kv, layout: ParallelLayout(tp: 1, pp: 1),
                                   chunk: 0)
        rejections.append(ServingRejection(config: config, replicas: 1, reason: reason))
    }

    /// Every layout and chunk of one device kind and dtype, in both modes as requested; the layouts from
    /// `degrees` (the request widened for this device and dtype) when given.
    mutating func run(_ factory: ReplicaFactory, degrees: ServingRequest? = nil) throws(ServingError) {
        var replicas: [Replica] = []
        var timers: [ParallelLayout: any StepTimer] = [:]
        let (layouts, overBudget) = SearchLayouts.layouts(degrees ?? request)
        for layout in overBudget {
            let config = ReplicaConfig(hardware: factory.setup.hardware.id, weights: factory.setup.weights.dtype,
                                       kv: factory.setup.kv.dtype, layout: layout, chunk: request.chunks.min() ?? 0)
            rejections.append(ServingRejection(config: config, replicas: 1, reason: "one replica needs dp \(layout.dp)"
                + " x tp \(layout.tp) x pp \(layout.pp) devices, the budget is \(request.gpuBudget)"))
        }
        for layout in layouts {
            for chunk in request.chunks {
                configurations += 1
                switch try factory.replica(layout, chunk: chunk, timers: &timers) {
                case .success(let replica): replicas.append(replica)
                case .failure(let rejection): rejections.append(rejection)
                }
            }
        }
        for replica in replicas { points += Pareto.points(SteadyState(replica: replica, workload: workload)) }
        if request.modes.contains(.aggregated) { aggregated(replicas) }
        if request.modes.contains(.disaggregated) { disaggregated(replicas) }
    }

    /// The smallest replica count of each configuration that meets every target.
    mutating func aggregated(_ replicas: [Replica]) {
        var best: Deployment?
        let targets = self.targets
        for replica in replicas {
            let state = SteadyState(replica: replica, workload: workload)
            let outcome = smallest(replica, role: .both, below: best.map { $0.devices + 1 }) { rate in
                switch state.aggregated(rate: rate) {
                case .success(let point):
                    return targets.violation(point).map { .failure(Shortfall($0)) } ?? .success(point)
                case .failure(let reason): return .failure(reason)
                }
            }
            guard let pool = outcome else { continue }
            let deployment = make(.aggregated, pools: [pool], states: [state])
            if best == nil || Self.better(deployment, than: best!) { best = deployment }
        }
        if let best { found.append(best) }
    }

    /// The smallest prefill pool meeting the TTFT targets (KV transfer included) and the smallest decode pool
    /// meeting the TPOT targets, of one device kind and dtype. Decode replicas use the smallest chunk given
    /// (their prefill workspace only takes memory).
    mutating func disaggregated(_ replicas: [Replica]) {
        var prefill: (Pool, SteadyState)?, decode: (Pool, SteadyState)?
        let bandwidth = request.transferBandwidth
        let smallestChunk = request.chunks.min() ?? 0
        let targets = self.targets
        for replica in replicas {
            let state = SteadyState(replica: replica, workload: workload)
            if let pool = smallest(replica, role: .prefill, below: prefill?.0.devices, evaluate: { rate in
                switch state.prefillPool(rate: rate, bandwidth: bandwidth) {
                case .success(let point): targets.violation(point, checkTPOT: false).map { .failure(Shortfall($0)) } ?? .success(point)
                case .failure(let reason): .failure(reason)
                }
            }) { prefill = (pool, state) }
            guard replica.config.chunk == smallestChunk else { continue }
            if let pool = smallest(replica, role: .decode, below: decode?.0.devices, evaluate: { rate in
                switch state.decodePool(rate: rate) {
                case .success(let point): targets.violation(point, checkTTFT: false).map { .failure(Shortfall($0)) } ?? .success(point)
                case .failure(let reason): .failure(reason)
                }
            }) { decode = (pool, state) }
        }
        guard let prefill, let decode else { return }
        if prefill.0.devices + decode.0.devices > request.gpuBudget {
            var rejection = ServingRejection(config: prefill.0.config, replicas: prefill.0.replicas, reason:
                "prefill \(prefill.0.devices) + decode \(decode.0.devices) devices exceed the budget \(request.gpuBudget)")
            rejection.replicas = prefill.0.replicas
            rejections.append(rejection)
            return
        }
        found.append(make(.disaggregated, pools: [prefill.0, decode.0], states: [prefill.1, decode.1]))
    }

    /// The fewest replicas of `replica` for which `evaluate(rate per replica)` succeeds, by bisection over
    /// 1...budget / devices (latency falls as replicas are added); records why one fewer fails. With `below`,
    /// only deployments of fewer devices than that are searched (a configuration that cannot beat the best so
    /// far is rejected at the most replicas that would), and `nil` comes back when none does.
    mutating func smallest(
        _ replica: Replica, role: Pool.Role, below: Int? = nil,
        evaluate: (Double) -> Result<OperatingPoint, Shortfall>
    ) -> Pool? {
        let budget = below.map { min($0 - 1, request.gpuBudget) } ?? request.gpuBudget
        let most = budget / replica.config.devices
        if below != nil, most < 1 { return nil }
        let label = role == .both ? "" : "\(role.rawValue) pool: "
        guard most >= 1 else {
            rejections.append(ServingRejection(config: replica.config, replicas: 1, reason:
                "\(label)one replica needs \(replica.config.devices) devices, the budget is \(request.gpuBudget)"))
            return nil
        }
        let rate = workload.requestRate
        if case .failure(let reason) = evaluate(rate / Double(most)) {
            rejections.append(ServingRejection(config: replica.config, replicas: most, reason: label + reason.reason))
            return nil
        }
        var low = 0, high = most
        var lowReason = ""
        while high - low > 1 {
            let mid = low + (high - low) / 2
            switch evaluate(rate / Double(mid)) {
            case .success: high = mid
            case .failure(let reason):
                low = mid
                lowReason = reason.reason
            }
        }
        if low >= 1 {
            if lowReason.isEmpty, case .failure(let reason) = evaluate(rate / Double(low)) { lowReason = reason.reason }
            rejections.append(ServingRejection(config: replica.config, replicas: low, reason: label + lowReason))
        }
        guard case .success(let point) = evaluate(rate / Double(high)) else { return nil }
        return Pool(role: role, config: replica.config, replicas: high, maxConcurrency: replica.maxConcurrency,
                    point: point)
    }

    func make(_ mode: ServingMode, pools: [Pool], states: [SteadyState]) -> Deployment {
        let rate = workload.requestRate
        let tokens = rate * workload.output.mean
        let share = Goodput.share(pools: pools, states: states, targets: targets,
                                  transferBandwidth: request.transferBandwidth)
        var dollars: Double? = 0
        for pool in pools {
            guard let price = request.price(for: pool.config.hardware), let sum = dollars else { dollars = nil; break }
            dollars = sum + price * Double(pool.devices)
        }
        return Deployment(
            mode: mode, pools: pools, outputTokensPerSecond: tokens, goodputRequestsPerSecond: rate * share,
            goodputTokensPerSecond: tokens * share,
            dollarsPerMillionTokens: dollars.map { tokens > 0 ? $0 / 3600 / tokens * 1e6 : 0 })
    }

    /// Fewer devices first; then the lower price per token, then the lower TPOT p90, then the lower TTFT p90.
    static func better(_ a: Deployment, than b: Deployment) -> Bool {
        if a.devices != b.devices { return a.devices < b.devices }
        if let x = a.dollarsPerMillionTokens, let y = b.dollarsPerMillionTokens, x != y { return x < y }
        if a.tpotP90 != b.tpotP90 { return a.tpotP90 < b.tpotP90 }
        return a.ttftP90 < b.ttftP90
    }

    func plan(_ spec: ArchitectureSpec, dtypes: [DType], widened: [SearchWidening] = [], hints: [String] = [])
        -> ServingPlan {
        let ordered = found.enumerated().sorted { x, y in
            Self.better(x.element, than: y.element) || (!Self.better(y.element, than: x.element) && x.offset < y.offset)
        }.map(\.element)
        let best = ordered.first
        let limit = best?.devices ?? Int.max
        let smaller = rejections.enumerated()
            .filter { $0.element.devices < limit }
            .sorted { ($0.element.devices, $0.offset) < ($1.element.devices, $1.offset) }
            .map(\.element)
        return ServingPlan(
            model: spec.name, contextLength: spec.contextLength, workload: workload, targets: targets,
            hardware: request.candidates.map(\.id), weightDTypes: dtypes, tp: request.tp, pp: request.pp, dp: request.dp,
            chunks: request.chunks, modes: request.modes, gpuBudget: request.gpuBudget,
            prices: request.pricePerDeviceHour, configurations: configurations, best: best, alternatives: ordered,
            rejections: smaller, frontier: Pareto.frontier(points), widened: widened, hints: hints)
    }
}
