/// Widens the default pipeline-parallel degrees (and, for models with routed experts, the attention data-parallel
/// degrees) of one device kind and weight dtype when no requested layout holds the weights.
///
/// Each widening doubles from 2 while one replica of the smallest tp stays within the budget, pp stays within the
/// layers and every degree within 1024 (the CLI's limit), and stops at the first degree some layout of which holds
/// the weights, plus one more doubling: at most 11 degrees each, never an enumeration of the budget.
enum Widening {
    /// The largest degree tried, as the CLI's limit on --pp and --dp.
    static let maxDegree = 1024

    /// The widening for `factory`'s device and dtype, or `nil` when none is allowed or needed.
    static func widen(_ request: ServingRequest, _ factory: ReplicaFactory) throws(ServingError) -> SearchWidening? {
        guard request.widenPP || request.widenDP else { return nil }
        let setup = factory.setup
        if try holding(request, setup) != nil { return nil }
        let smallestTP = request.tp.min() ?? 1
        var pp: [Int]?, dp: [Int]?
        var fitting: ParallelLayout?
        var widest: ParallelLayout?
        if request.widenPP {
            let (degrees, layout, last) = try doubling(smallestTP: smallestTP, limit: setup.spec.layers, request,
                                                       setup) { var r = request; r.pp = [$0]; r.dp = [1]; return r }
            if !degrees.isEmpty { pp = Self.merged(request.pp, degrees) }
            fitting = fitting ?? layout
            widest = last ?? widest
        }
        if request.widenDP, let experts = setup.spec.moe?.experts, experts > 1 {
            let (degrees, layout, last) = try doubling(smallestTP: smallestTP, limit: maxDegree, request, setup) {
                var r = request; r.dp = [$0]; return r
            }
            if !degrees.isEmpty { dp = Self.merged(request.dp, degrees) }
            fitting = fitting ?? layout
            if fitting == nil { widest = last ?? widest }
        }
        guard pp != nil || dp != nil else { return nil }
        let total = try evaluate(ParallelLayout(tp: 1, pp: 1), setup).memory.weights
        var reason = "no tp up to \(request.tp.max() ?? 1) holds \(HumanUnits.bytes(total)) of "
            + "\(setup.weights.dtype.rawValue) weights on \(setup.hardware.id)"
        if fitting == nil, let widest {
            let memory = try evaluate(widest, setup).memory
            reason += "; even \(widest) does not: " + LayoutSearch.overrun(memory)
        }
        return SearchWidening(hardware: setup.hardware.id, weights: setup.weights.dtype, pp: pp, dp: dp,
                              reason: reason, fits: fitting != nil)
    }

    /// Degrees 2, 4, ... within the bounds, up to the first whose layouts hold the weights plus one doubling; the
    /// layout that holds them, and the widest layout tried (the largest tp at the last degree).
    static func doubling(
        smallestTP: Int, limit: Int, _ request: ServingRequest, _ setup: Setup,
        with: (Int) -> ServingRequest
    ) throws(ServingError) -> (degrees: [Int], fits: ParallelLayout?, widest: ParallelLayout?) {
        var degrees: [Int] = [], fits: ParallelLayout?
        var degree = 2
        while degree <= min(limit, maxDegree) {
            let (devices, over) = degree.multipliedReportingOverflow(by: smallestTP)
            if over || devices > request.gpuBudget { break }
            degrees.append(degree)
            if fits != nil { break }
            fits = try holding(with(degree), setup)
            degree *= 2
        }
        let last = degrees.last.map { with($0) }
        let widest = last.flatMap { SearchLayouts.layouts($0).layouts.last { $0.problem(for: setup.spec, on: setup.hardware) == nil } }
        return (degrees, fits, widest)
    }

    /// The first layout of the request's lists that runs on the device and holds the weights beside one sequence.
    static func holding(_ request: ServingRequest, _ setup: Setup) throws(ServingError) -> ParallelLayout? {
        for layout in SearchLayouts.layouts(request).layouts
        where layout.problem(for: setup.spec, on: setup.hardware) == nil {
            if try evaluate(layout, setup).memory.fits { return layout }
        }
        return nil
    }

    static func evaluate(_ layout: ParallelLayout, _ setup: Setup) throws(ServingError) -> Candidate {
        var setup = setup
        setup.request.tp = layout.tp
        setup.request.pp = layout.pp
        setup.request.ep = layout.ep
        setup.request.dp = layout.dp
        do { return try LayoutSearch.evaluate(layout, setup) } catch { throw .sizing(error) }
    }

    /// The request's degrees, then the widened ones not among them.
    static func merged(_ given: [Int], _ added: [Int]) -> [Int] { given + added.filter { !given.contains($0) } }
}
