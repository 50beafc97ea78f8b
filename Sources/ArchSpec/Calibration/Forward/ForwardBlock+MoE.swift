/// A routed token: its row in the batch and the weight its expert's output is added with.
struct RoutedToken: Hashable, Sendable {
    var token: Int
    var weight: Float
}

extension ForwardPass {
    /// The mixture-of-experts feed-forward of `m` normed rows, added into `x` (the residual).
    ///
    /// Router logits (one GEMM, or GEMV at decode), softmax, top_k per token renormalised to sum to 1 (Mixtral's
    /// rule), then each routed expert runs once over the tokens routed to it (a GEMM with M = that count, a GEMV
    /// when it is one token) and its rows are added back weighted; shared experts run over every row, scaled by
    /// sigmoid(gate · x) when the spec has a shared-expert gate. Routing, gather and weighted adds are timed as
    /// `moe:combine`.
    func mixtureOfExperts(_ w: ForwardMoEWeights, rows m: Int) {
        let h = spec.hiddenSize, e = w.block.experts
        let routerLogits = scratch.buffer(.routerLogits, m * e), gathered = scratch.buffer(.gathered, m * h)
        let gateValues = scratch.buffer(.gateValues, m)
        timed("linear:router") {
            linear(normed.pointer, rows: m, weights: w.router, bias: w.routerBias, n: e, k: h, out: routerLogits, ldOut: e)
        }
        var routes: [[RoutedToken]] = []
        timed("moe:combine") {
            routes = route(rows: m, logits: routerLogits, experts: e, topK: w.block.topK,
                           groups: spec.moe?.groups ?? 1, keptGroups: spec.moe?.topKGroups)
        }
        lastExpertRows += routes.map(\.count)
        for (expert, tokens) in routes.enumerated() where !tokens.isEmpty {
            // Tokens are ascending and distinct, so all m of them means the rows are already in place.
            let input: UnsafePointer<Float>
            if tokens.count == m {
                input = UnsafePointer(normed.pointer)
            } else {
                timed("moe:combine") {
                    for (r, routed) in tokens.enumerated() {
                        (gathered + r * h).update(from: normed.pointer + routed.token * h, count: h)
                    }
                }
                input = UnsafePointer(gathered)
            }
            feedForward(w.experts[expert], input: input, rows: tokens.count, prefix: "expert_", out: projected.pointer)
            timed("moe:combine") {
                for (r, routed) in tokens.enumerated() {
                    addScaled(projected.pointer + r * h, by: routed.weight, into: x.pointer + routed.token * h, count: h)
                }
            }
        }
        guard !w.shared.isEmpty else { return }
        if let gate = w.sharedGate {
            timed("linear:shared_gate") {
                linear(normed.pointer, rows: m, weights: gate, bias: nil, n: 1, k: h, out: gateValues, ldOut: 1)
            }
            timed("moe:combine") {
                for r in 0..<m { gateValues[r] = 1 / (1 + backend.exp(-gateValues[r])) }
            }
        }
        for shared in w.shared {
            feedForward(shared, input: normed.pointer, rows: m, prefix: "shared_", out: projected.pointer)
            timed("moe:combine") {
                for r in 0..<m {
                    let scale: Float = w.sharedGate == nil ? 1 : gateValues[r]
                    addScaled(projected.pointer + r * h, by: scale, into: x.pointer + r * h, count: h)
                }
            }
        }
    }

    /// Per expert, the tokens routed to it (ascending) with their weights: softmax of each row of `logits`;
    /// with `groups` > 1 and `keptGroups` < groups, only the experts of the `keptGroups` groups with the highest
    /// best probability stay eligible (DeepSeek's group-limited routing); then the top_k eligible probabilities
    /// (ties go to the lower expert index), divided by their sum.
    func route(rows m: Int, logits: UnsafePointer<Float>, experts e: Int, topK: Int, groups: Int = 1,
               keptGroups: Int? = nil) -> [[RoutedToken]] {
        let k = min(max(1, topK), e)
        let g = groups > 1 && e % groups == 0 ? groups : 1, kept = min(max(1, keptGroups ?? g), g), perGroup = e / g
        var routes = [[RoutedToken]](repeating: [], count: e)
        var probabilities = [Float](repeating: 0, count: e), eligible = [Bool](repeating: true, count: e)
        var chosen = [Int](), groupBest = [Float](repeating: 0, count: g)
        for t in 0..<m {
            let row = logits + t * e
            var peak = row[0]
            for i in 1..<e { peak = max(peak, row[i]) }
            var total: Float = 0
            for i in 0..<e {
                probabilities[i] = backend.exp(row[i] - peak)
                total += probabilities[i]
            }
            for i in 0..<e { probabilities[i] /= total }
            if kept < g {
                for group in 0..<g { groupBest[group] = probabilities[(group * perGroup)..<((group + 1) * perGroup)].max() ?? 0 }
                var keptGroups = Set<Int>()
                for _ in 0..<kept {
                    var best = -1
                    for group in 0..<g where !keptGroups.contains(group) && (best < 0 || groupBest[group] > groupBest[best]) { best = group }
                    keptGroups.insert(best)
                }
                for i in 0..<e { eligible[i] = keptGroups.contains(i / perGroup) }
            }
            chosen.removeAll(keepingCapacity: true)
            for _ in 0..<min(k, kept * perGroup) {
                var best = -1
                for i in 0..<e where eligible[i] && !chosen.contains(i) && (best < 0 || probabilities[i] > probabilities[best]) { best = i }
                chosen.append(best)
            }
            let sum = chosen.reduce(Float(0)) { $0 + probabilities[$1] }
            for i in chosen { routes[i].append(RoutedToken(token: t, weight: probabilities[i] / sum)) }
        }
        return routes
    }

    /// y[0..<count] += scale · x[0..<count].
    func addScaled(_ x: UnsafePointer<Float>, by scale: Float, into y: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count { y[i] += scale * x[i] }
    }
}
