/// The outcome of converting one file to archspec YAML.
public struct SpecConversion: Sendable {
    /// The archspec YAML, or `nil` when the file could not be loaded.
    public var yaml: String?
    /// Problems found while loading; warnings are also written into the YAML as comments.
    public var diagnostics: [Diagnostic]

    /// Loads `path` (a Hugging Face `config.json` or an archspec file) and writes it as commented archspec YAML
    /// that loads back to the identical spec.
    ///
    /// - Parameter path: The input file, `-` for standard input.
    /// - Returns: The YAML and the diagnostics; never throws.
    public static func convert(path: String) -> SpecConversion {
        let loaded = SpecLoader.load(path: path)
        guard let spec = loaded.spec else { return SpecConversion(yaml: nil, diagnostics: loaded.diagnostics) }
        var header = ["Converted by archcalc convert from \(Escaping.short(path, limit: 200))"]
        if let type = loaded.provenance["model_type"] {
            header += [
                "Hugging Face model_type \(Escaping.short(type)). Each comment names the config.json key a value",
                "came from; \"absent: <Class> default\" marks a transformers default that archcalc applied, and",
                "\"<Class>: ...\" a fact of how transformers builds the module. Every value is written out, so this",
                "file gives the same numbers as the config (archcalc estimate on either).",
            ]
        }
        for diagnostic in loaded.diagnostics where diagnostic.severity != .error {
            header.append("\(diagnostic.severity.rawValue): \(Escaping.short(diagnostic.message, limit: 300))")
        }
        let writer = SpecWriter(notes: loaded.provenance, header: header)
        return SpecConversion(yaml: writer.write(spec), diagnostics: loaded.diagnostics)
    }
}
