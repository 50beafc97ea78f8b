/// Everything loading a spec file produced: the resolved spec when it is valid, and every located problem.
public struct SpecLoadResult: Sendable {
    /// The file as the user named it.
    public var file: String
    /// The resolved spec, or `nil` when any error was found.
    public var spec: ArchitectureSpec?
    /// Problems in source order; errors mean `spec` is `nil`.
    public var diagnostics: [Diagnostic]
    /// The composed YAML, when the file parsed.
    public var document: YAMLDocument?
    /// Typed values of the keys that were read, by dotted path (before defaults).
    public var values: [String: FieldValue]
    /// Where each key was written.
    public var sourceMap: SourceMap
    /// Which format the file was read as.
    public var format: SpecFormat
    /// For a Hugging Face config: archspec key path to where its value came from (a config key, or the
    /// transformers default applied); `model_type` holds the config's model type. Empty for archspec files.
    public var provenance: [String: String] = [:]
    /// For a checkpoint (safetensors, index, directory, GGUF): the counts read from its headers.
    public var checkpoint: CheckpointSummary? = nil

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The input formats archcalc reads.
public enum SpecFormat: String, Hashable, Codable, Sendable {
    case archspec
    case huggingFace = "hf-config"
}

/// Loads YAML text as a spec: a Hugging Face `config.json` through `HFImport`, anything else as archspec,
/// with source locations. `SpecLoader` (in `Entry/`) adds paths, standard input and checkpoints.
public enum SpecDocumentLoader {
    /// Loads a spec from bytes already read.
    ///
    /// - Parameters:
    ///   - bytes: File contents.
    ///   - file: The name to report in diagnostics.
    ///   - limits: Size, nesting and alias-expansion limits for the YAML composer.
    public static func load(bytes: [UInt8], file: String, limits: YAMLLimits = .default) -> SpecLoadResult {
        let document: YAMLDocument
        do {
            document = try YAMLComposer.compose(bytes, limits: limits)
        } catch {
            let problem: LoadProblem = if case .aliasExpansion = error { .aliasBomb } else { .yamlSyntax }
            return failure(file: file, Diagnostic(
                severity: .error, code: .load(problem), message: error.message, file: file, location: error.location))
        }
        return load(document: document, file: file)
    }

    /// Loads a spec from a composed document.
    public static func load(document: YAMLDocument, file: String) -> SpecLoadResult {
        var reader = SchemaReader(file: file)
        for duplicate in document.duplicateKeys {
            reader.diagnostics.append(Diagnostic(
                severity: .error, code: .load(.duplicateKey),
                message: "duplicate key '\(Escaping.short(duplicate.key))' (first written at line \(duplicate.first.line))",
                file: file, location: duplicate.duplicate, keyPath: duplicate.key,
                notes: [Diagnostic.Note("first written here", at: duplicate.first)]))
        }
        guard let root = document.root else {
            return failure(file: file, document: document, Diagnostic(
                severity: .error, code: .load(.notASpec),
                message: "empty file: expected an archspec mapping", file: file, location: SourceLocation(line: 1, column: 1)))
        }
        guard case .mapping(let mapping) = root else {
            return failure(file: file, document: document, Diagnostic(
                severity: .error, code: .load(.notASpec),
                message: "expected a mapping of spec keys at the top level, got \(root.kindDescription)",
                file: file, location: root.location))
        }
        if HFImport.isHFConfig(document) {
            var result = HFImport.load(mapping: mapping, document: document, file: file)
            result.diagnostics = (reader.diagnostics + result.diagnostics).sorted(by: sourceOrder)
            if result.hasErrors { result.spec = nil }
            return result
        }
        if let notASpec = notASpec(mapping, file: file) { return failure(file: file, document: document, notASpec) }
        reader.read(mapping, fields: SpecSchema.root)
        var resolver = SpecResolver(
            values: reader.values, sourceMap: reader.sourceMap, file: file, defaultName: baseName(file))
        let spec = reader.diagnostics.isEmpty ? resolver.resolve() : nil
        let diagnostics = (reader.diagnostics + resolver.diagnostics).sorted(by: sourceOrder)
        return SpecLoadResult(
            file: file, spec: diagnostics.contains { $0.severity == .error } ? nil : spec, diagnostics: diagnostics,
            document: document, values: reader.values, sourceMap: reader.sourceMap, format: .archspec)
    }

    /// A mapping none of whose top-level keys is an archspec key is some other file (a `.env`, a CI config, a
    /// symlink to a system file): one diagnostic that quotes none of its content, instead of an "unknown key"
    /// line echoing every key.
    static let rootKeys = Set(SpecSchema.root.map(\.key))

    static func notASpec(_ mapping: YAMLMapping, file: String) -> Diagnostic? {
        guard !mapping.entries.isEmpty else { return nil }
        guard !mapping.entries.contains(where: { entry in entry.name.map { rootKeys.contains($0) } ?? false }) else { return nil }
        let count = mapping.entries.count
        return Diagnostic(
            severity: .error, code: .load(.notASpec),
            message: "not an archspec spec or Hugging Face config.json: none of its \(count) top-level "
                + (count == 1 ? "key is an archspec key" : "keys is an archspec key"),
            file: file, location: mapping.location)
    }

    static func failure(file: String, document: YAMLDocument? = nil, _ diagnostic: Diagnostic) -> SpecLoadResult {
        SpecLoadResult(
            file: file, spec: nil, diagnostics: [diagnostic], document: document, values: [:], sourceMap: SourceMap(),
            format: .archspec)
    }

    static func sourceOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.location ?? SourceLocation(line: 0, column: 0)) < (b.location ?? SourceLocation(line: 0, column: 0))
    }

    /// `specs/llama-3-8b.yaml` -> `llama-3-8b`.
    static func baseName(_ path: String) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
        return String(last[..<dot])
    }
}
