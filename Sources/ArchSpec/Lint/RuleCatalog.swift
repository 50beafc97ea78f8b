/// Every rule archcalc knows, in code order, and lookups by code, name or code prefix.
public enum RuleCatalog {
    public static let all: [any LintRule] = [
        YAMLSyntaxRule(), DuplicateKeyRule(), InputLimitsRule(), UnusedAnchorRule(), AmbiguousScalarRule(),
        UnknownKeyRule(), InvalidValueRule(), MissingRequiredFieldRule(), NotASpecRule(), UnsupportedFeatureRule(),
        InconsistentSpecRule(),
        HiddenNotDivisibleByHeadsRule(), ExplicitHeadDimMismatchRule(), HeadsNotDivisibleByKVHeadsRule(),
        HeadDimExceedsFlashAttentionRule(), HeadDimNotMultipleOf8Rule(), HeadDimPaddedByKernelsRule(),
        OddRotaryDimRule(), MLADimsInconsistentRule(), AttentionKeysWithoutAttentionRule(),
        KVSharingGeometryMismatchRule(), KVSharingNotAttentionRule(),
        VocabNotPaddedRule(), HiddenNotAlignedRule(), FFNNotAlignedRule(), RecurrentDimsNotAlignedRule(),
        HeadsNotDivisibleByTPRule(), KVHeadsIncompatibleWithTPRule(), KVHeadsReplicatedRule(),
        VocabNotDivisibleByTPRule(), FFNNotDivisibleByTPRule(), LayersNotDivisibleByPPRule(),
        ExpertsNotDivisibleByEPRule(), SSMNotDivisibleByTPRule(), LinearAttentionHeadsNotDivisibleByTPRule(),
        TopKExceedsExpertsRule(), MoEFieldsIncompleteRule(), ExpertGroupsInvalidRule(), DenseLayersCoverAllRule(),
        MoESectionUnusedRule(),
        ContextExceedsPositionsRule(), RopeFactorInvalidRule(), YarnFactorInconsistentRule(), RopeTypeUnknownRule(),
        SlidingWindowNotSmallerThanContextRule(), RopeScalingWithoutRopeRule(), LayerPatternInvalidRule(),
        ChunkNotSmallerThanContextRule(),
        FP16OverflowFamilyRule(), FP16LargeModelRule(), UnknownDTypeRule(), StateDTypeNarrowerThanCacheRule(),
        StateDTypeWithoutStateRule(),
        CheckpointGroupMismatchRule(), CheckpointUnreadableRule(),
        UnusedSuppressionRule(), UnknownRuleInSuppressionRule(), SuppressionWithoutReasonRule(),
    ]

    public static let descriptions: [RuleDescription] = all.map(\.description)

    /// The rule with this code or name.
    public static func description(for codeOrName: String) -> RuleDescription? {
        let wanted = codeOrName.uppercased(), name = codeOrName.lowercased()
        return descriptions.first { $0.code == wanted || $0.name == name }
    }

    /// Codes a selector names: an exact code, a rule name, a code prefix (`AC1`, `AC`) or `ALL`; empty when it
    /// names nothing.
    public static func codes(matching selector: String) -> [String] {
        let trimmed = selector.trimmingWhitespace
        let upper = trimmed.uppercased()
        if upper == "ALL" { return descriptions.map(\.code) }
        if let exact = description(for: trimmed) { return [exact.code] }
        guard upper.hasPrefix("AC"), upper.count < 5 else { return [] }
        return descriptions.map(\.code).filter { $0.hasPrefix(upper) }
    }

    /// The nearest known code or name, for "did you mean" hints.
    public static func suggestion(for selector: String) -> String? {
        EditDistance.nearest(to: selector, among: descriptions.map(\.name) + descriptions.map(\.code))
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}
