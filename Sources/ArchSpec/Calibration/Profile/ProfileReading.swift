extension CalibrationResult {
    /// The top-level keys of a profile; a file with none of them is not one.
    static let topLevelKeys: Set<String> = [
        "version", "id", "measured_at", "quick", "host", "build", "summary", "bandwidth", "gemm", "gemv",
        "attention_decode", "attention_prefill",
    ]

    /// Reads a profile written by `archcalc calibrate`, through the same checks as spec files.
    ///
    /// The file must be a regular file within the 4 MiB input limit (`FileInput`: FIFOs, devices and
    /// directories are refused without blocking); its YAML is composed once, by archcalc's own composer (node
    /// and nesting limits), and decoded from that tree, and every error is one line with the file's line and column.
    /// Nothing of the file's text is quoted except short, escaped key names.
    ///
    /// - Throws: `CalibrationError.unreadable` (missing), `.refused` (input checks), `.located` (syntax or
    ///   schema) or `.malformed` (not a profile at all).
    public static func load(path: String) throws(CalibrationError) -> CalibrationResult {
        let bytes: [UInt8]
        do { bytes = try FileInput.read(path) } catch {
            if case .notFound = error { throw .unreadable(path: path) }
            throw .refused(error.description)
        }
        let document: YAMLDocument
        do { document = try YAMLComposer.compose(bytes) } catch {
            throw .located(path: path, line: error.location.line, column: error.location.column, message: error.message)
        }
        try recognise(document.root, path: path)
        guard let root = document.root else { throw .malformed(path: path, reason: "the file is empty") }
        do {
            return try YAMLNodeDecoder().decode(CalibrationResult.self, from: root)
        } catch let error as DecodingError {
            let failure = DecodingFailure(error)
            let location = failure.location(in: root)
            throw .located(path: path, line: location.line, column: location.column, message: failure.message)
        } catch {
            throw .located(path: path, line: 1, column: 1, message: "the file does not match the calibration profile schema")
        }
    }

    /// Refuses an empty document, a root that is not a mapping, or one with no profile key, without quoting it.
    static func recognise(_ root: YAMLNode?, path: String) throws(CalibrationError) {
        guard let root else { throw .malformed(path: path, reason: "the file is empty") }
        guard case .mapping(let mapping) = root else {
            throw .located(path: path, line: root.location.line, column: root.location.column,
                           message: "not a calibration profile: expected a mapping, got \(root.kindDescription)")
        }
        let names = Set(mapping.entries.compactMap(\.name))
        if names.isDisjoint(with: ["measured_at", "gemm", "gemv", "host", "summary"]),
           let key = mapping.entries.first(where: { ["memory", "memory_bandwidth", "peak_flops"].contains($0.name ?? "") }) {
            throw .located(path: path, line: key.key.location.line, column: key.key.location.column,
                           message: "this is a hardware profile (the catalog schema, with '\(key.name ?? "")'), not a "
                               + "calibration profile: give it to size --hardware; archcalc calibrate --output writes "
                               + "a calibration profile")
        }
        guard mapping.entries.contains(where: { topLevelKeys.contains($0.name ?? "") }) else {
            throw .located(path: path, line: root.location.line, column: root.location.column,
                           message: "not a calibration profile: none of its top-level keys is a profile key "
                               + "(version, host, summary, gemm, ...; written by archcalc calibrate)")
        }
    }
}
