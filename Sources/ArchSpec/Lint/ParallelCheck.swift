/// Shared shape of the parallelism rules: a size that must divide evenly by each declared degree.
extension LintContext {
    /// One finding per degree of `kind` that does not divide the value at `path`.
    func divisibility(
        _ rule: RuleDescription, path: String, by kind: ParallelismKind, multiple: Int = 1, why: String = ""
    ) -> [Diagnostic] {
        guard let value = int(path) else { return [] }
        return degrees(kind).compactMap { degree in
            let (divisor, overflow) = degree.value.multipliedReportingOverflow(by: max(1, multiple))
            guard !overflow, divisor > 0, value % divisor != 0 else { return nil }
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
