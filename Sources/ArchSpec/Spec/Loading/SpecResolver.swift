/// Turns typed key values into an `ArchitectureSpec`: applies defaults, derives sizes, checks consistency.
///
/// Each step is a small named pass; a failed check is a located error, never a trap.
struct SpecResolver {
    let values: [String: FieldValue]
    let sourceMap: SourceMap
    let file: String
    let defaultName: String
    var diagnostics: [Diagnostic] = []

    init(values: [String: FieldValue], sourceMap: SourceMap, file: String, defaultName: String) {
        self.values = values
        self.sourceMap = sourceMap
        self.file = file
        self.defaultName = defaultName
    }

    func int(_ path: String) -> Int? { values[path]?.integer }
    func bool(_ path: String, default fallback: Bool) -> Bool { values[path]?.boolean ?? fallback }
    func string(_ path: String) -> String? { values[path]?.string }

    mutating func resolve() -> ArchitectureSpec? {
        checkVersion()
        guard let vocab = int("vocab_size"), let hidden = int("hidden_size"), let layers = int("layers"),
              let context = int("context_length"), let attention = resolveAttention(hidden: hidden, layers: layers),
              let intermediate = firstOrScalar("mlp.intermediate_size", layers: layers), diagnostics.isEmpty
        else { return nil }

        let normKind = string("norm.kind").flatMap(NormKind.init(rawValue:)) ?? .rmsnorm
        var spec = ArchitectureSpec(
            name: string("name") ?? defaultName,
            vocabSize: vocab, hiddenSize: hidden, layers: layers, contextLength: context,
            dtype: string("dtype").flatMap(DType.init(rawValue:)) ?? .bf16,
            tieEmbeddings: bool("tie_embeddings", default: false),
            attention: attention,
            mlp: MLPSpec(
                kind: string("mlp.kind").flatMap(MLPKind.init(rawValue:)) ?? .gated,
                intermediateSize: intermediate, activation: string("mlp.activation") ?? "silu",
                bias: bool("mlp.bias", default: false)),
            norm: NormSpec(kind: normKind, bias: bool("norm.bias", default: normKind == .layernorm)),
            position: PositionSpec(
                kind: string("position.kind").flatMap(PositionKind.init(rawValue:)) ?? .rope,
                ropeTheta: values["position.rope_theta"]?.number))
        spec.parallelism = ParallelismSpec(
            tensor: int("parallelism.tensor") ?? 1, pipeline: int("parallelism.pipeline") ?? 1,
            expert: int("parallelism.expert") ?? 1)
        spec.lmHeadBias = bool("lm_head_bias", default: false)
        spec.parallelAttention = bool("parallel_attention", default: false)
        spec.attention.slidingWindow = resolveSlidingWindow(layers: layers)
        spec.moe = resolveMoE(layers: layers, intermediate: intermediate)
        spec.norm = resolveNormDetails(spec.norm, parallel: spec.parallelAttention)
        spec.position = resolvePositionDetails(spec.position)
        resolveLayout(&spec)
        return diagnostics.contains { $0.severity == .error } ? nil : spec
    }

    private mutating func checkVersion() {
        if let version = int("archspec"), version != SpecSchema.version {
            fail(.unsupported, "archspec version \(version) is not supported; this archcalc reads version \(SpecSchema.version)",
                 path: "archspec")
        }
    }

    private mutating func resolveAttention(hidden: Int, layers: Int) -> AttentionSpec? {
        guard let heads = firstOrScalar("attention.heads", layers: layers) else { return nil }
        if values["attention.heads"]?.integers != nil, int("attention.head_dim") == nil, string("attention.kind") != "mla" {
            fail(.missingField, "attention.heads as a per-layer list needs attention.head_dim", path: "attention.heads")
            return nil
        }
        let kind = string("attention.kind").flatMap(AttentionKind.init(rawValue:)) ?? .standard
        guard checkMLAKeys(kind: kind) else { return nil }
        if kind == .mla { return resolveMLA(heads: heads) }
        let kvHeads = firstOrScalar("attention.kv_heads", layers: layers) ?? heads
        if let problem = SpecChecks.headsDivisibleByKVHeads(heads: heads, kvHeads: kvHeads) {
            fail(problem)
            return nil
        }
        let headDim: Int
        if let explicit = int("attention.head_dim") {
            headDim = explicit
        } else {
            guard hidden % heads == 0 else {
                fail(.inconsistent,
                     "hidden_size \(hidden) is not divisible by attention.heads \(heads); set attention.head_dim",
                     path: "attention.heads")
                return nil
            }
            headDim = hidden / heads
        }
        var attention = AttentionSpec(
            heads: heads, kvHeads: kvHeads, headDim: headDim,
            qkvBias: bool("attention.qkv_bias", default: false), outBias: bool("attention.out_bias", default: false))
        attention.qkNorm = string("attention.qk_norm").flatMap(QKNormKind.init(rawValue:)) ?? .none
        return attention
    }

    mutating func fail(_ problem: LoadProblem, _ message: String, path: String) {
        fail(.load(problem), message, path: path)
    }

    /// A failed consistency check that a lint rule reports under its own code.
    mutating func fail(_ check: SpecCheck, _ message: String, path: String) {
        fail(.check(check), message, path: path)
    }

    /// A failed shared check (`SpecChecks`), in its own words.
    mutating func fail(_ problem: Inconsistency, prefix: String = "", path: String? = nil) {
        fail(.check(problem.check), prefix + problem.message, path: path ?? problem.keyPath)
    }

    mutating func fail(_ code: DiagnosticCode, _ message: String, path: String) {
        diagnostics.append(Diagnostic(
            severity: .error, code: code, message: message, file: file,
            location: sourceMap.location(of: path), keyPath: path))
    }
}
