/// What a rule sees for one file: the loader's typed values and source map, and the effective settings.
public struct LintContext: Sendable {
    public let file: String
    public let result: SpecLoadResult
    public let settings: LintSettings
    /// The layer plan of the resolved spec: what every layer computes. `nil` when loading found errors (or the
    /// layout is too irregular to lay out); rules then fall back to the written values.
    public let plan: LayerPlan?

    public init(file: String, result: SpecLoadResult, settings: LintSettings) {
        self.file = file
        self.result = result
        self.settings = settings
        plan = try? result.spec?.plan
    }

    public func int(_ path: String) -> Int? { result.values[path]?.integer }
    public func number(_ path: String) -> Double? { result.values[path]?.number }
    public func string(_ path: String) -> String? { result.values[path]?.string }
    public func integers(_ path: String) -> [Int]? {
        if case .integers(let list) = result.values[path] { return list }
        return nil
    }
    /// Whether the key was written (and read with the right type).
    public func has(_ path: String) -> Bool { result.values[path] != nil }
    /// Whether the key was written at all, whatever its value.
    public func written(_ path: String) -> Bool { result.sourceMap.keys[path] != nil }

    public func location(_ path: String) -> SourceLocation? { result.sourceMap.location(of: path) }

    /// A finding of `rule` for a failed consistency check (the loader's own words, at its key).
    public func finding(_ rule: RuleDescription, _ problem: Inconsistency, related: [(String, String)] = []) -> Diagnostic {
        finding(rule, problem.message, at: problem.keyPath, related: related)
    }

    /// A finding of `rule` at the value of `path`, with notes pointing at related keys.
    public func finding(
        _ rule: RuleDescription, _ message: String, at path: String, related: [(String, String)] = []
    ) -> Diagnostic {
        Diagnostic(
            severity: rule.severity, code: rule.diagnosticCode, message: message, file: file, location: location(path),
            keyPath: path,
            notes: related.compactMap { note, relatedPath in
                // A bare key name becomes "related key attention.heads"; a sentence is kept as written.
                let text = note.contains(" ") ? note : "related key \(relatedPath)"
                return location(relatedPath).map { Diagnostic.Note(text, at: $0) }
            })
    }

    // MARK: Derived values shared by several rules

    public var heads: Int? { int("attention.heads") }
    /// Key/value heads, defaulting to `heads` as the loader does.
    public var kvHeads: Int? { int("attention.kv_heads") ?? heads }
    public var isMLA: Bool { string("attention.kind") == "mla" }

    /// The head dimension: explicit, or hidden / heads when that divides; `nil` otherwise.
    public var headDim: Int? {
        if let explicit = int("attention.head_dim") { return explicit }
        guard let hidden = int("hidden_size"), let heads, heads > 0, hidden % heads == 0 else { return nil }
        return hidden / heads
    }

    /// The path a head-dimension finding should point at: the explicit key, or the heads key.
    public var headDimPath: String { has("attention.head_dim") ? "attention.head_dim" : "attention.heads" }

    /// Rotary embeddings apply unless the spec picks another position kind.
    public var usesRoPE: Bool { (string("position.kind") ?? "rope") == "rope" }

    /// Degrees to check for one kind of parallelism: the spec's own, then command-line or config targets.
    public func degrees(_ kind: ParallelismKind) -> [ParallelDegree] {
        var result: [ParallelDegree] = []
        if let declared = int(kind.specPath), declared > 1 {
            result.append(ParallelDegree(value: declared, origin: kind.specPath))
        }
        for degree in settings.parallelism.degrees(kind) where degree.value > 1 {
            if !result.contains(where: { $0.value == degree.value }) { result.append(degree) }
        }
        return result
    }
}

extension LintContext {
    /// The YAML node at a dotted key path, read from the composed document.
    public func node(at path: String) -> YAMLNode? {
        var node = result.document?.root
        for part in path.split(separator: ".") {
            guard let mapping = node?.mapping else { return nil }
            node = mapping[String(part)]
        }
        return node
    }

    /// A list of plain strings at `path` (for keys such as `attention.layer_pattern`).
    public func stringList(_ path: String) -> [String]? {
        guard case .sequence(let sequence) = node(at: path) else { return nil }
        return sequence.items.compactMap { $0.scalar?.value }
    }
}
