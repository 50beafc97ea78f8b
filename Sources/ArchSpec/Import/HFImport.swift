/// Reads a Hugging Face transformers `config.json` as an architecture spec.
///
/// The config is mapped to archspec values (every value noting the key or the transformers default it came
/// from), then resolved exactly like an archspec file, so both formats give identical numbers. Keys archcalc
/// does not know are located warnings; values it cannot represent are located errors.
public enum HFImport {
    /// The `model_type`s archcalc reads.
    public static var supportedModelTypes: [String] {
        HFFamily.all.filter { if case .refused = $0.mapper { false } else { true } }.map(\.modelType)
    }

    /// Model types transformers builds that archcalc recognises but refuses, with the reason in the error.
    public static var refusedModelTypes: [String] {
        HFFamily.all.filter { if case .refused = $0.mapper { true } else { false } }.map(\.modelType)
    }

    /// Whether a composed document is a Hugging Face config: a mapping with `model_type` and no `archspec` key.
    public static func isHFConfig(_ document: YAMLDocument) -> Bool {
        guard let mapping = document.root?.mapping else { return false }
        return mapping["model_type"] != nil && mapping["archspec"] == nil
    }

    /// The error for an unknown model_type: the supported types, and the nearest one where it applies.
    static func unsupportedMessage(_ modelType: String) -> String {
        var message = "model_type '\(Escaping.short(modelType))' is not supported"
        if let near = HFFamily.nearest(to: modelType) { message += " (did you mean \(near)?)" }
        return message + "; archcalc reads \(supportedModelTypes.joined(separator: ", "))"
    }

    /// Maps and resolves a config's root mapping.
    static func load(mapping: YAMLMapping, document: YAMLDocument, file: String) -> SpecLoadResult {
        var config = HFConfigReader(mapping: mapping, file: file)
        guard let modelType = config.string("model_type") else {
            config.error(.missingField, "config.json has no model_type", at: mapping.location, key: "model_type")
            return result(file: file, document: document, diagnostics: config.diagnostics)
        }
        guard let family = HFFamily.named(modelType) else {
            config.error(.unsupported, unsupportedMessage(modelType), at: config.location("model_type"), key: "model_type")
            return result(file: file, document: document, diagnostics: config.diagnostics)
        }
        var mapper: HFMapping
        switch family.mapper {
        case .refused(let reason):
            config.error(.unsupported, "model_type '\(modelType)' is not supported: \(reason)",
                         at: config.location("model_type"), key: "model_type")
            return result(file: file, document: document, diagnostics: config.diagnostics)
        case .multimodal(let wrapper):
            guard let wrapped = HFMapping.wrapped(config: &config, family: family, wrapper: wrapper, name: name(for: file))
            else {
                return result(file: file, document: document, diagnostics: config.diagnostics)
            }
            mapper = wrapped
        default:
            mapper = HFMapping(config: config, family: family)
            mapper.set("archspec", .integer(SpecSchema.version), note: "archspec format version")
            mapper.set("name", .string(name(for: file)), note: "from the file name")
            mapper.mapCommon()
            mapper.mapFamily()
        }
        mapper.checkAgainstSchema()
        mapper.warnUnknownKeys()
        let diagnostics = mapper.allDiagnostics
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return result(file: file, document: document, diagnostics: diagnostics, values: mapper.values,
                          sourceMap: mapper.sourceMap)
        }
        var resolver = SpecResolver(values: mapper.values, sourceMap: mapper.sourceMap, file: file,
                                    defaultName: name(for: file))
        let spec = resolver.resolve()
        let all = (diagnostics + resolver.diagnostics).sorted(by: SpecDocumentLoader.sourceOrder)
        var loaded = result(file: file, document: document, diagnostics: all, values: mapper.values,
                            sourceMap: mapper.sourceMap)
        loaded.spec = all.contains { $0.severity == .error } ? nil : spec
        loaded.provenance = mapper.notes
        loaded.provenance["model_type"] = modelType
        return loaded
    }

    static func result(
        file: String, document: YAMLDocument, diagnostics: [Diagnostic], values: [String: FieldValue] = [:],
        sourceMap: SourceMap = SourceMap()
    ) -> SpecLoadResult {
        SpecLoadResult(file: file, spec: nil, diagnostics: diagnostics, document: document, values: values,
                       sourceMap: sourceMap, format: .huggingFace)
    }

    /// `models/Llama-3-8B/config.json` -> `Llama-3-8B`; `Mixtral-8x7B-v0.1.json` -> `Mixtral-8x7B-v0.1`.
    static func name(for file: String) -> String {
        let base = SpecDocumentLoader.baseName(file)
        guard base == "config" || base == "-" else { return base }
        let parts = file.split(separator: "/")
        return parts.count >= 2 ? String(parts[parts.count - 2]) : base
    }
}

extension HFMapping {
    /// Keys every family has, under the family's names for them (`HFFamily.keys`).
    mutating func mapCommon() {
        let keys = family.keys
        int("vocab_size", _key: "vocab_size", default: family.vocab)
        let hidden = int("hidden_size", _key: keys.hidden, default: family.hidden) ?? 1
        int("layers", _key: keys.layers, default: family.layers)
        let heads = keys.heads.map { int("attention.heads", _key: $0, default: family.heads) ?? 1 } ?? 1
        if let key = keys.positions { int("context_length", _key: key, default: family.maxPositions) }
        bool("tie_embeddings", _key: "tie_word_embeddings", default: family.tie)
        mapDType()
        mapActivation()
        if let key = keys.kvHeads {
            int("attention.kv_heads", _key: key, default: family.kvHeads ?? heads)
            if config.has("head_dim") || family.headDim != nil {
                int("attention.head_dim", _key: "head_dim", default: family.headDim)
            } else {
                config.markRead(["head_dim"])
            }
        }
        if let key = keys.intermediate {
            if family.intermediate > 0 {
                int("mlp.intermediate_size", _key: key, default: family.intermediate)
            } else {
                int("mlp.intermediate_size", _key: key, default: 4 * hidden)
                if !config.has(key) { notes["mlp.intermediate_size"] = "\(key) absent: 4 x hidden size (\(family.configClass))" }
            }
        }
        mapRope()
    }

    mutating func mapDType() {
        let key = config.has("torch_dtype") ? "torch_dtype" : "dtype"
        config.markRead(["torch_dtype", "dtype"])
        if let text = config.string(key) {
            guard let dtype = DType.parse(text) else {
                return unsupported(key, "\(key) '\(Escaping.short(text))' is not a dtype archcalc knows")
            }
            set("dtype", .string(dtype.rawValue), note: key, key: key)
        } else {
            set("dtype", .string(DType.fp32.rawValue), note: "torch_dtype absent: transformers loads float32")
        }
        if config.has("quantization_config") {
            config.markRead(["quantization_config"])
            warn("quantization_config", "quantization_config is not applied: weights are counted at \(key == "dtype" ? "dtype" : "torch_dtype"); pass --dtype for the quantized size")
        }
    }

    mutating func mapActivation() {
        let keys = ["hidden_activation", "hidden_act", "activation_function", "activation"]
        config.markRead(keys)
        for key in keys where config.has(key) {
            if let text = config.string(key) { return set("mlp.activation", .string(text), note: key, key: key) }
        }
        set("mlp.activation", .string(family.activation), note: "activation absent: \(family.configClass) default")
    }
}
