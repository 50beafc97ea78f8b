extension LatencyModel {
    /// Seconds of `group` of one `layer` in a prefill of `tokens` tokens (phase prefill) or a decode step with
    /// `tokens` tokens cached, from the profile's layer-kind points (`LayerKindCost`); nil when the profile has
    /// none for this layer kind and group (older profiles, or kinds calibrate did not see).
    mutating func layerKindSeconds(_ spec: ArchitectureSpec, _ layer: Layer, group: String, phase: LayerKindPhase,
                                   tokens: Int) -> Double? {
        let key = LayerKindProbe.key(layer, spec)
        let mine = (profile.layerKinds ?? []).filter { $0.layer == key && $0.group == group && $0.phase == phase && $0.rate.sustained > 0 }
        guard let threads = mine.map(\.threads).min(by: { abs($0 - self.threads) < abs($1 - self.threads) }) else { return nil }
        if threads != self.threads { notes.insert("\(group): no \(self.threads)-thread layer-kind figures; used \(threads)") }
        let points = mine.filter { $0.threads == threads }.map { (tokens: $0.tokens, seconds: 1 / $0.rate.sustained) }
        return LayerKindCost(phase: phase, points: points)?.seconds(tokens: tokens)
    }
}
