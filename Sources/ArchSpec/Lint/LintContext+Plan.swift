/// What the layer plan says about the model's layers, for rules whose checks depend on which layers exist.
///
/// Rules read the plan rather than re-deriving layer kinds from the written keys. When loading found errors
/// there is no plan; the few facts below then fall back to the written token-mixer keys, so a rule can still
/// tell a model without attention from one with it.
extension LintContext {
    /// The resolved spec, or `nil` when loading found errors.
    public var spec: ArchitectureSpec? { result.spec }

    /// Whether any layer runs softmax attention (alone or beside a Mamba-2 mixer).
    public var runsAttention: Bool {
        if let plan { return plan.kinds.contains { $0.mixer.attention != nil } }
        guard let written = result.values["layer_types"]?.strings ?? result.values["layer_pattern"]?.strings else {
            return true
        }
        let attention: Set = [MixerKind.attention.rawValue, MixerKind.attentionMamba2.rawValue]
        return written.contains(where: attention.contains) || !(integers("attention_layers") ?? []).isEmpty
    }

    /// The distinct attention mixers of the layers, in plan order; `nil` without a plan.
    public var attentionMixers: [AttentionMixer]? {
        plan.map { $0.kinds.compactMap(\.mixer.attention) }
    }

    /// Distinct values of `property` over the attention layers, in first-seen order; `nil` without a plan.
    public func attentionValues<Value: Hashable>(_ property: (AttentionMixer) -> Value) -> [Value]? {
        attentionMixers.map { mixers in
            var seen = Set<Value>()
            return mixers.map(property).filter { seen.insert($0).inserted }
        }
    }

    /// The token mixers the layers run (`mamba2`, `linear_attention`, ...), from the plan; empty without one.
    public var mixerKinds: Set<MixerKind> {
        guard let plan else { return [] }
        return Set(plan.kinds.map { layer in
            switch layer.mixer {
            case .attention: .attention
            case .linearAttention: .linearAttention
            case .mamba: .mamba
            case .mamba2: .mamba2
            case .attentionMamba2: .attentionMamba2
            case .shortConv: .shortConv
            case .none: .none
            }
        })
    }

    /// Whether some layer keeps a recurrent state (linear attention or a state-space mixer); from the plan.
    public var keepsRecurrentState: Bool {
        !mixerKinds.isDisjoint(with: [.linearAttention, .mamba, .mamba2, .attentionMamba2, .shortConv])
    }

    /// The key that places the token mixers (`layer_types`, else `layer_pattern`), when one is written.
    public var mixerLayoutPath: String? {
        ["layer_types", "layer_pattern"].first(where: written)
    }

    /// A finding at entry `index` of the list at `path` (the list's own position when the entry has none).
    public func finding(
        _ rule: RuleDescription, _ message: String, at path: String, item index: Int, related: [(String, String)] = []
    ) -> Diagnostic {
        var diagnostic = finding(rule, message, at: path, related: related)
        if case .sequence(let list)? = node(at: path), index >= 0, index < list.items.count {
            diagnostic.location = list.items[index].location
        }
        return diagnostic
    }
}
