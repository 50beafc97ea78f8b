/// Loads any input archcalc reads as a spec: a checkpoint (safetensors, index, directory, GGUF), an archspec
/// YAML file or a Hugging Face `config.json`, from a path or standard input.
public enum SpecLoader {
    /// Loads a spec from a path (`-` for standard input). Never throws: every failure is a diagnostic.
    public static func load(path: String, limits: YAMLLimits = .default) -> SpecLoadResult {
        if let checkpoint = CheckpointLoader.load(path: path) { return checkpoint }
        do {
            let bytes = try FileInput.read(path, limit: limits.maxBytes)
            return load(bytes: bytes, file: path, limits: limits)
        } catch {
            let problem: LoadProblem = if case .tooLarge = error { .yamlSyntax } else { .fileError }
            return SpecDocumentLoader.failure(file: path, Diagnostic(
                severity: .error, code: .load(problem), message: error.description, file: path, location: nil))
        }
    }

    /// Loads a spec from bytes already read.
    ///
    /// - Parameters:
    ///   - bytes: File contents.
    ///   - file: The name to report in diagnostics.
    ///   - limits: Size, nesting and alias-expansion limits for the YAML composer.
    public static func load(bytes: [UInt8], file: String, limits: YAMLLimits = .default) -> SpecLoadResult {
        SpecDocumentLoader.load(bytes: bytes, file: file, limits: limits)
    }

    /// Loads a spec from a composed document.
    public static func load(document: YAMLDocument, file: String) -> SpecLoadResult {
        SpecDocumentLoader.load(document: document, file: file)
    }
}
