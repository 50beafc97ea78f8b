extension LatencyModel {
    /// Predicted prefill of `tokens` tokens from an empty cache (logits of the last position only).
    ///
    /// - Parameter expertRows: Rows each routed expert ran over, MoE layer by MoE layer (the forward pass's
    ///   `lastExpertRows`); nil predicts the uniform share, tokens · top_k / experts.
    public mutating func prefill(_ spec: ArchitectureSpec, tokens: Int, expertRows: [Int]? = nil) -> PhasePrediction {
        var parts: [String: Double] = [:]
        for linear in SpecShapes.linears(spec) where linear.only != .decode {
            if linear.name == "lm_head" {
                parts["lm_head"] = gemvSeconds(n: linear.n, k: linear.k)
            } else if linear.routed, let rows = expertRows, !rows.isEmpty {
                parts["linear:\(linear.name)", default: 0] += rows.reduce(0) { $0 + linearSeconds(rows: $1, linear) }
            } else if linear.routed, let experts = spec.moe?.experts {
                // Expected uniform routing: every expert gets tokens·top_k/experts rows (some one more).
                let share = SpecShapes.expertRows(spec, tokens: tokens)
                let perLayer = Double(experts - share.extra) * linearSeconds(rows: share.rows, linear)
                    + Double(share.extra) * linearSeconds(rows: share.rows + 1, linear)
                parts["linear:\(linear.name)", default: 0] += Double(linear.count) * perLayer
            } else {
                parts["linear:\(linear.name)", default: 0] += Double(linear.count) * linearSeconds(rows: tokens, linear)
            }
        }
        let kernels = spec.position.kind != .alibi
        mixers(spec, phase: .prefill, tokens: tokens, into: &parts) { model, a in
            model.prefillAttentionSeconds(a, tokens: tokens, kernels: kernels && !a.sinks)
        }
        scans(spec, phase: .prefill, tokens: tokens, into: &parts)
        parts["elementwise"] = elementwiseSeconds(spec, rows: tokens)
        if spec.moe != nil { parts["moe:combine"] = combineSeconds(spec, rows: tokens) }
        return PhasePrediction(seconds: parts.values.reduce(0, +), breakdown: parts)
    }

    /// Predicted decode step of one token with `context` tokens already cached.
    public mutating func decodeStep(_ spec: ArchitectureSpec, context: Int) -> PhasePrediction {
        var parts: [String: Double] = [:]
        for linear in SpecShapes.linears(spec) where linear.only != .prefill && linear.name != "kv_b_absorbed" {
            let key = linear.name == "lm_head" ? "lm_head" : "linear:\(linear.name)"
            let perToken = linear.routed ? Double(min(max(0, spec.moe?.topK ?? 0), spec.moe?.experts ?? 0)) : 1
            parts[key, default: 0] += Double(linear.count) * perToken * gemvSeconds(n: linear.n, k: linear.k)
        }
        mixers(spec, phase: .decode, tokens: context, into: &parts) { model, a in model.decodeAttentionSeconds(a, context: context + 1) }
        latentFolds(spec, context: context, into: &parts)
        scans(spec, phase: .decode, tokens: context, into: &parts)
        parts["elementwise"] = elementwiseSeconds(spec, rows: 1)
        if spec.moe != nil { parts["moe:combine"] = combineSeconds(spec, rows: 1) }
        return PhasePrediction(seconds: parts.values.reduce(0, +), breakdown: parts)
    }

    /// Adds every attention layer's `attention` time, layer kind by layer kind (its own head layout and span):
    /// the profile's layer-kind figure where the layer runs a plain loop (MLA, sinks, ALiBi) and calibrate timed
    /// it, else `kernelSeconds`, the kernels' figures.
    mutating func mixers(_ spec: ArchitectureSpec, phase: LayerKindPhase, tokens: Int, into parts: inout [String: Double],
                         _ kernelSeconds: (inout LatencyModel, AttentionMixer) -> Double) {
        guard let plan = try? spec.plan else { return }
        for (layer, count) in plan.groups where count > 0 {
            guard let a = layer.mixer.attention else { continue }
            let plain = LayerKindProbe.groups(layer, spec).contains("attention")
            if plain, let timed = layerKindSeconds(spec, layer, group: "attention", phase: phase, tokens: tokens) {
                parts["attention", default: 0] += Double(count) * timed
                continue
            }
            parts["attention", default: 0] += Double(count) * kernelSeconds(&self, a)
            if case .latent = a.form {
                notes.insert("attention: MLA runs a plain loop; predicted from the kernel's figures for its latent layout (low confidence; calibrate --spec times it)")
            } else if plain {
                notes.insert("attention: sinks or ALiBi run a plain loop; predicted from the kernel's figures (low confidence; calibrate --spec times it)")
            }
        }
    }

    /// Adds MLA's absorbed decode folds (`linear:kv_b_absorbed`: kv_b's key half into the query, its value half
    /// into the output, per head, as plain loops): the profile's layer-kind figure, else kv_b's bytes over the
    /// GEMV bandwidth.
    mutating func latentFolds(_ spec: ArchitectureSpec, context: Int, into parts: inout [String: Double]) {
        guard let plan = try? spec.plan else { return }
        for (layer, count) in plan.groups where count > 0 {
            guard let a = layer.mixer.attention, case .latent(let mla) = a.form else { continue }
            let seconds = layerKindSeconds(spec, layer, group: "linear:kv_b_absorbed", phase: .decode, tokens: context)
                ?? gemvSeconds(n: a.heads * (mla.qkNopeHeadDim + mla.vHeadDim), k: mla.kvLoraRank)
            parts["linear:kv_b_absorbed", default: 0] += Double(count) * seconds
        }
    }

    /// Adds each recurrent mixer's `scan:<kind>` time: the profile's layer-kind figure for the layer (the scan
    /// timed in a one-layer pass), else its per-token FLOPs (the cost model's) at the 1-thread GEMV rate.
    mutating func scans(_ spec: ArchitectureSpec, phase: LayerKindPhase, tokens: Int, into parts: inout [String: Double]) {
        guard let plan = try? spec.plan, let costs = try? PlanCosts(spec) else { return }
        let rows = phase == .prefill ? tokens : 1
        for (index, (layer, count)) in plan.groups.enumerated() where count > 0 {
            guard let key = LayerKindProbe.scanGroup(layer.mixer) else { continue }
            if let timed = layerKindSeconds(spec, layer, group: key, phase: phase, tokens: tokens) {
                parts[key, default: 0] += Double(count) * timed
                continue
            }
            guard index < costs.groups.count, let rate = scalarFlopRate() else { continue }
            let flops = Double(costs.groups[index].cost.recurrentFlopsPerToken)
            parts[key, default: 0] += Double(count) * Double(rows) * flops / rate
            notes.insert("\(key): predicted from its FLOPs at the 1-thread GEMV rate (not calibrated per kind; calibrate --spec times it)")
        }
    }
}

extension LatencyModel {
    /// Seconds of every layer's norms, residual adds, q/k copies and rope, cache writes and MLP activations
    /// for `rows` rows, streamed at the 1-thread triad bandwidth: the model for profiles without `layer_ops`.
    func elementwiseBytesSeconds(_ spec: ArchitectureSpec, rows: Int) -> Double {
        guard let plan = try? spec.plan else { return 0 }
        let h = Double(spec.hiddenSize)
        var bytes = 0.0
        for (layer, count) in plan.groups where count > 0 {
            var projection = 0.0, up = 0.0
            if let a = layer.mixer.attention { projection += Double(ForwardAttentionWeights.Dims(a).projection) }
            switch layer.channel {
            case .dense(let ff): up = Double(ff.gated ? 2 : 1) * Double(ff.width)
            case .moe(let block):
                // An MoE layer activates top_k expert widths and every shared expert's width per row.
                up = Double(block.expert.gated ? 2 : 1) * (Double(min(block.topK, block.experts)) * Double(block.expert.width)
                    + Double(block.sharedExperts) * Double(block.shared.width))
            case .none: break
            }
            // 2 norms (read + write), 2 residual adds (2 reads + write), projection copies and rope (read +
            // write, twice), activation (read + write).
            bytes += Double(count) * 4 * Double(rows) * (2 * 2 * h + 2 * 3 * h + 2 * 2 * projection + 2 * up)
        }
        return streamSeconds(bytes)
    }

    /// Seconds of every MoE layer's routing (softmax and top-k over the router logits), gathering each routed
    /// row and adding the weighted expert outputs (and shared experts' outputs) back, at the triad bandwidth.
    func combineSeconds(_ spec: ArchitectureSpec, rows: Int) -> Double {
        guard let plan = try? spec.plan else { return 0 }
        let h = Double(spec.hiddenSize)
        var bytes = 0.0
        for (layer, count) in plan.groups where count > 0 {
            guard case .moe(let moe) = layer.channel else { continue }
            let k = Double(min(moe.topK, moe.experts))
            // Logits read + probabilities write; per routed row a gather (read + write) and a scaled add (2 reads
            // + write); per shared expert a scaled add.
            bytes += Double(count) * 4 * Double(rows) * (2 * Double(moe.experts) + k * (2 * h + 3 * h) + Double(moe.sharedExperts) * 3 * h)
        }
        return streamSeconds(bytes)
    }

    /// Seconds of one linear over `rows` rows: nothing for none, the GEMV for one, else the GEMM.
    mutating func linearSeconds(rows: Int, _ linear: SpecShapes.Linear) -> Double {
        switch rows {
        case ..<1: 0
        case 1: gemvSeconds(n: linear.n, k: linear.k)
        default: gemmSeconds(m: rows, n: linear.n, k: linear.k)
        }
    }
}
