/// Shared shape of the parallelism rules: a size that must divide evenly by each declared degree.
extension LintContext {
    /// One finding per degree of `kind` that does not divide the value at `path`.
    /// - Parameter values: the sizes to check (default: the scalar at `path`); the first that fails is reported.
    func divisibility(
        _ rule: RuleDescription, path: String, values: [Int]? = nil, by kind: ParallelismKind, multiple: Int = 1,
        why: String = ""
    ) -> [Diagnostic] {
        let candidates = values ?? int(path).map { [$0] } ?? []
        guard !candidates.isEmpty else { return [] }
        return degrees(kind).compactMap { degree in
            let (divisor, overflow) = degree.value.multipliedReportingOverflow(by: max(1, multiple))
            guard !overflow, divisor > 0, let value = candidates.first(where: { $0 % divisor != 0 }) else { return nil }
            let by = multiple > 1 ? "\(multiple) x \(degree.phrase(kind)) = \(divisor)" : degree.phrase(kind)
            return finding(rule, LintMessage.notDivisible(path, value, by: by) + why, at: path,
                           related: [("\(kind.rawValue)-parallel degree declared here", degree.origin)])
        }
    }
}

extension LintContext {
    /// Head counts of the attention layers for `path` (`attention.heads` or `attention.kv_heads`): the written
    /// scalar, or, for a per-layer list, the distinct values the plan's attention layers use (the list's own
    /// distinct values without a plan). Empty when no layer runs attention.
    func attentionHeadCounts(_ path: String) -> [Int] {
        guard runsAttention else { return [] }
        if let scalar = int(path) { return [scalar] }
        guard let list = integers(path) else { return [] }
        let fromPlan = path == "attention.kv_heads" ? attentionValues(\.kvHeads) : attentionValues(\.heads)
        if let fromPlan { return fromPlan }
        var seen = Set<Int>()
        return list.filter { seen.insert($0).inserted }
    }
}

extension LintContext {
    /// Feed-forward widths the layers use for `path` (`mlp.intermediate_size` or `moe.expert_intermediate_size`):
    /// from the plan, the distinct dense widths (and mlp.intermediate_size where it is the experts' default
    /// width), or the expert width when some layer runs the experts; without a plan, the written scalar.
    func feedForwardWidths(_ path: String) -> [Int] {
        guard let plan else { return int(path).map { [$0] } ?? [] }
        var widths: [Int] = []
        var experts = false
        for layer in plan.kinds {
            switch layer.channel {
            case .dense(let block): if !widths.contains(block.width) { widths.append(block.width) }
            case .moe: experts = true
            case .none: break
            }
        }
        if path == "moe.expert_intermediate_size" { return experts ? int(path).map { [$0] } ?? [] : [] }
        if experts, !written("moe.expert_intermediate_size"), let width = spec?.mlp.intermediateSize, !widths.contains(width) {
            widths.append(width)
        }
        return widths
    }
}
