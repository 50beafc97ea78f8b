/// A consistency check that failed: which one, the message, and the key it points at.
public struct Inconsistency: Hashable, Sendable {
    public var check: SpecCheck
    /// Lowercase, no trailing period, names the values and the expectation.
    public var message: String
    /// The key the problem is reported at.
    public var keyPath: String
}

/// The consistency checks that both the loader (which refuses the spec) and a lint rule (which reports it
/// under its code, even when loading stopped earlier) apply: one implementation each, so both say the same.
public enum SpecChecks {
    /// `attention.heads` must be a multiple of `attention.kv_heads` (grouped-query attention), which is at
    /// least 1 and at most `heads`.
    public static func headsDivisibleByKVHeads(heads: Int, kvHeads: Int) -> Inconsistency? {
        guard kvHeads > 0, kvHeads > heads || heads % kvHeads != 0 else { return nil }
        let divisors = divisors(of: heads).map(String.init)
        let choices = divisors.isEmpty ? "" : " (\(divisors.joined(separator: ", ")))"
        return Inconsistency(
            check: .headsDivisibleByKVHeads,
            message: "attention.heads \(heads) is not divisible by attention.kv_heads \(kvHeads); kv_heads must divide heads\(choices)",
            keyPath: "attention.kv_heads")
    }

    /// MLA sizes (`kv_lora_rank`, `qk_rope_head_dim`, ...) are read only with `attention.kind: mla`.
    public static func mlaKeyWithoutMLA(_ key: String) -> Inconsistency {
        Inconsistency(check: .mlaDimensions,
                      message: "attention.\(key) is only read when attention.kind is mla; set kind: mla or remove the MLA keys",
                      keyPath: "attention.\(key)")
    }

    /// With MLA, a query/key head is `qk_nope_head_dim + qk_rope_head_dim` wide; an explicit `head_dim` must say so.
    public static func mlaHeadDim(headDim: Int, nope: Int, rope: Int) -> Inconsistency? {
        let (sum, overflow) = nope.addingReportingOverflow(rope)
        guard overflow || sum != headDim else { return nil }
        return Inconsistency(
            check: .mlaDimensions,
            message: "attention.head_dim \(headDim) differs from qk_nope_head_dim \(nope) + qk_rope_head_dim \(rope)",
            keyPath: "attention.head_dim")
    }

    /// A token is routed to `moe.top_k` distinct experts, so there must be at least that many.
    public static func topKWithinExperts(topK: Int, experts: Int) -> Inconsistency? {
        guard topK > experts else { return nil }
        return Inconsistency(check: .topKWithinExperts, message: "moe.top_k \(topK) is larger than moe.experts \(experts)",
                             keyPath: "moe.top_k")
    }

    /// Group-limited routing: `moe.n_group` splits the experts evenly, `moe.topk_group` groups are chosen, and
    /// they must hold `moe.top_k` experts.
    public static func expertGroups(experts: Int, groups: Int, chosen: Int?, topK: Int?) -> Inconsistency? {
        guard groups > 0 else { return nil }
        if experts % groups != 0 {
            return Inconsistency(check: .expertGroups, message: "moe.experts \(experts) is not divisible by moe.n_group \(groups)",
                                 keyPath: "moe.n_group")
        }
        guard let chosen else { return nil }
        if chosen > groups {
            return Inconsistency(check: .expertGroups, message: "moe.topk_group \(chosen) is larger than moe.n_group \(groups)",
                                 keyPath: "moe.topk_group")
        }
        let (reachable, overflow) = chosen.multipliedReportingOverflow(by: experts / groups)
        guard let topK, !overflow, topK > reachable else { return nil }
        return Inconsistency(
            check: .expertGroups,
            message: "moe.top_k \(topK) exceeds the \(reachable) experts in \(chosen) selected groups of \(experts / groups)",
            keyPath: "moe.top_k")
    }

    /// Divisors of `value` in increasing order (at most the first 24).
    static func divisors(of value: Int) -> [Int] {
        guard value > 0, value <= 1_000_000 else { return [] }
        var small: [Int] = []
        var large: [Int] = []
        var candidate = 1
        while candidate <= value / candidate {
            if value % candidate == 0 {
                small.append(candidate)
                if candidate != value / candidate { large.append(value / candidate) }
            }
            candidate += 1
        }
        return Array((small + large.reversed()).prefix(24))
    }
}
