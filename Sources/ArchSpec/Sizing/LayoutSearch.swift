/// Picks the layout: the given one, the best for a given device count, or the smallest count that fits.
enum LayoutSearch {
    static func choose(_ setup: Setup) throws(SizingError) -> (best: Candidate, attempts: [LayoutAttempt]) {
        let request = setup.request
        if let devices = request.devices ?? request.tp.flatMap({ tp in request.pp.map { tp * $0 * (request.dp ?? 1) } }) {
            let result = try best(at: devices, setup)
            guard let candidate = result.candidate else {
                throw .invalidOption("no layout of \(devices) devices can run \(setup.spec.name): "
                    + reasons(result.attempts, setup))
            }
            return (candidate, [])
        }
        var attempts: [LayoutAttempt] = []
        var closest: Candidate?
        for count in counts(setup) {
            let result = try best(at: count, setup)
            guard let candidate = result.candidate else {
                attempts += result.attempts
                continue
            }
            if candidate.memory.fits { return (candidate, attempts) }
            attempts.append(LayoutAttempt(layout: candidate.layout, fits: false, reason: overrun(candidate.memory)))
            if closest == nil || candidate.memory.total < closest!.memory.total { closest = candidate }
        }
        guard let closest else {
            throw .invalidOption("no layout up to \(request.maxDevices) devices can run \(setup.spec.name): "
                + reasons(attempts, setup))
        }
        return (closest, attempts)
    }

    /// Why no layout could run: each distinct reason once (the first few), or what ruled every split out.
    static func reasons(_ attempts: [LayoutAttempt], _ setup: Setup) -> String {
        var distinct: [String] = []
        for attempt in attempts where !distinct.contains(attempt.reason) { distinct.append(attempt.reason) }
        if distinct.isEmpty {
            let request = setup.request
            let pinned = [request.tp.map { "tp \($0)" }, request.pp.map { "pp \($0)" }].compactMap { $0 }
            let what = pinned.isEmpty ? "the request" : pinned.joined(separator: " x ")
            if let devices = request.devices {
                return "\(what) does not divide \(devices) devices (--gpus must be a multiple of tp x pp)"
            }
            return "\(what) needs more than the \(request.maxDevices) devices searched"
        }
        let shown = distinct.prefix(3).joined(separator: "; ")
        return distinct.count > 3 ? shown + "; and \(distinct.count - 3) more" : shown
    }

    /// Device counts to try: tp x pp (1 x 1 when not given) times powers of two (or times every integer).
    static func counts(_ setup: Setup) -> [Int] {
        let step = (setup.request.tp ?? 1) * (setup.request.pp ?? 1) * (setup.request.dp ?? 1)
        var result: [Int] = []
        var count = step
        while count <= setup.request.maxDevices {
            let multiple = count / step
            if setup.request.anyDeviceCount || multiple & (multiple - 1) == 0 { result.append(count) }
            count += step
        }
        return result
    }

    /// The best layout of exactly `devices`: fitting ones by decode time, else the smallest memory total.
    static func best(at devices: Int, _ setup: Setup) throws(SizingError) -> (candidate: Candidate?, attempts: [LayoutAttempt]) {
        var attempts: [LayoutAttempt] = []
        var fitting: [(Candidate, Double)] = []
        var closest: Candidate?
        // Attention data parallelism is searched only when asked for (--dp): one dp, so one layout per tp.
        let dp = setup.request.dp ?? 1
        let layouts = stride(from: 1, through: devices / dp, by: 1).filter { devices % ($0 * dp) == 0 }.flatMap { tp in
            let ranks = dp * tp
            let degrees = dp > 1 ? [setup.request.ep ?? ranks] : expertDegrees(tp: tp, setup)
            return degrees.map { ParallelLayout(tp: tp, pp: devices / ranks, ep: $0, dp: dp) }
        }
        for layout in layouts {
            if let tpWanted = setup.request.tp, tpWanted != layout.tp { continue }
            if let ppWanted = setup.request.pp, ppWanted != layout.pp { continue }
            if let problem = layout.problem(for: setup.spec, on: setup.hardware) {
                attempts.append(LayoutAttempt(layout: layout, fits: false, reason: problem))
                continue
            }
            let candidate = try evaluate(layout, setup)
            if candidate.memory.fits {
                let decode = try Sizer.timings(setup, candidate: candidate).decode.seconds
                fitting.append((candidate, decode))
            } else if closest == nil || candidate.memory.total < closest!.memory.total {
                closest = candidate
            }
        }
        if let fastest = fitting.min(by: { a, b in
            a.1 != b.1 ? a.1 < b.1 : (a.0.layout.pp, a.0.layout.ep) < (b.0.layout.pp, b.0.layout.ep)
        }) {
            return (fastest.0, attempts)
        }
        return (closest, attempts)
    }

    /// Expert-parallel degrees to try at `tp`: the requested one, else every divisor of tp up to the routed
    /// experts (1 alone for a model without them).
    static func expertDegrees(tp: Int, _ setup: Setup) -> [Int] {
        if let wanted = setup.request.ep { return [wanted] }
        // A tp past the node is refused anyway (ParallelLayout.problem): no need to list its divisors.
        guard let experts = setup.spec.moe?.experts, experts > 1, tp <= setup.hardware.devicesPerNode else { return [1] }
        return (1...max(1, min(tp, experts))).filter { tp % $0 == 0 }
    }

    static func evaluate(_ layout: ParallelLayout, _ setup: Setup) throws(SizingError) -> Candidate {
        var model = try ShardedModel.build(
            setup.layers, layout: layout, weights: setup.weights, kv: setup.kv, parameters: setup.estimate.parameters)
        model.accounting = setup.request.kvAccounting
        let memory = try MemoryPlan.plan(
            setup.spec, model: model, layout: layout, hardware: setup.hardware, context: setup.context,
            batch: setup.batch, request: setup.request, activationBits: setup.activationBits)
        return Candidate(layout: layout, model: model, memory: memory)
    }

    /// `needs 141 GiB per device, has 80.0 GiB: over by 61.0 GiB`.
    static func overrun(_ memory: DeviceMemory) -> String {
        "needs \(HumanUnits.bytes(memory.total)) per device (weights \(HumanUnits.bytes(memory.weights)), KV cache "
            + "\(HumanUnits.bytes(memory.kvCache))), has \(HumanUnits.bytes(memory.capacity)): over by "
            + HumanUnits.bytes(-memory.headroom)
    }
}
