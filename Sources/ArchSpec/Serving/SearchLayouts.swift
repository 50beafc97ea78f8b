/// The replica layouts the planner tries, from the request's degree lists.
///
/// Each expert-parallel degree pairs with the tensor-parallel degrees it divides (all of them when it divides none,
/// so that the rejections say why). Each attention data-parallel degree above 1 adds one wide expert-parallel
/// layout per tp and pp (ep = dp x tp); one whose replica alone exceeds the budget is returned as a reason instead
/// of being sized. Every list is at most 64 long (the CLI's limit), so at most 64^3 layouts per kind.
enum SearchLayouts {
    static func layouts(_ request: ServingRequest) -> (layouts: [ParallelLayout], overBudget: [ParallelLayout]) {
        let all = request.tp.flatMap { tp in
            request.pp.flatMap { pp in request.ep.map { ParallelLayout(tp: tp, pp: pp, ep: $0) } }
        }
        let paired = all.filter { $0.tp % $0.ep == 0 }
        var layouts = paired.isEmpty ? all : paired
        var overBudget: [ParallelLayout] = []
        for dp in request.dp where dp > 1 {
            for tp in request.tp {
                for pp in request.pp {
                    let (ranks, over) = dp.multipliedReportingOverflow(by: tp)
                    let (devices, beyond) = ranks.multipliedReportingOverflow(by: pp)
                    // A product past Int (only through the library: the CLI caps each degree at 1024) is skipped.
                    if over || beyond { continue }
                    let layout = ParallelLayout(tp: tp, pp: pp, ep: ranks, dp: dp)
                    if devices > request.gpuBudget { overBudget.append(layout) } else { layouts.append(layout) }
                }
            }
        }
        return (layouts, overBudget)
    }
}
