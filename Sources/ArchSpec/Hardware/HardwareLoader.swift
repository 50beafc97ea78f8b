
/// Reads a `HardwareProfile` from a YAML (or JSON) file, reporting errors at file:line:col.
///
/// The schema is `HardwareProfile`'s coding keys in snake_case (`docs/hardware.md`). Figures accept numbers in
/// base units or strings with units (`"80 GiB"`, `"3.35 TB/s"`). Unknown keys are errors that name the nearest
/// valid key, so a typo never silently drops a figure.
public enum HardwareLoader {
    /// Loads and validates the profile at `path`.
    ///
    /// - Throws: `HardwareError.unreadable`, `.malformed` (syntax, type, unit, unknown key) or `.invalid` (range).
    public static func load(path: String) throws(HardwareError) -> HardwareProfile {
        let bytes: [UInt8]
        do {
            // Refuses directories, FIFOs, devices and oversized files before reading (the spec loader's reader).
            bytes = try FileInput.read(path)
        } catch {
            throw .unreadable(path: path, reason: error.description)
        }
        return try parse(String(decoding: bytes, as: UTF8.self), path: path)
    }

    /// Parses and validates profile text; `path` is used in messages only.
    ///
    /// The text goes through archcalc's own composer with its limits (size, nodes after alias expansion,
    /// depth) and is decoded from that one tree, so every error has the file's line and column. A key written
    /// twice is refused at its second place. A file with none of the profile's top-level keys (a symlink to some
    /// other file) is refused without quoting it.
    public static func parse(_ text: String, path: String) throws(HardwareError) -> HardwareProfile {
        let document: YAMLDocument
        do {
            document = try YAMLComposer.compose(text, limits: .default)
        } catch {
            throw .malformed(path: path, line: error.location.line, column: error.location.column, message: error.message)
        }
        try recognise(document.root, path: path)
        guard let root = document.root else {
            throw .malformed(path: path, line: 1, column: 1, message: "the file is empty")
        }
        if let duplicate = document.duplicateKeys.first {
            throw .malformed(path: path, line: duplicate.duplicate.line, column: duplicate.duplicate.column,
                             message: "duplicate key '\(Escaping.short(duplicate.key, limit: 40))' (first at "
                                 + "\(duplicate.first.line):\(duplicate.first.column))")
        }
        try KeyCheck.check(root, path: path)
        let profile: HardwareProfile
        do {
            profile = try YAMLNodeDecoder().decode(HardwareProfile.self, from: root)
        } catch let error as DecodingError {
            let failure = DecodingFailure(error)
            let location = failure.location(in: root)
            throw .malformed(path: path, line: location.line, column: location.column, message: failure.message)
        } catch {
            throw .malformed(path: path, line: 1, column: 1, message: "the file does not match the hardware profile schema")
        }
        try ProfileValidation.validate(profile, root: root, path: path)
        return profile
    }

    /// Top-level keys only a calibration profile has (`CalibrationResult`'s schema), so one given to
    /// `--hardware` is named for what it is rather than met with "did you mean 'vendor'?".
    static let calibrationOnlyKeys: Set<String> = ["measured_at", "gemm", "gemv", "step_surfaces", "attention_decode",
                                                   "attention_prefill"]

    /// Refuses an empty document, a root that is not a mapping, a calibration profile, or a mapping with no
    /// profile key.
    static func recognise(_ root: YAMLNode?, path: String) throws(HardwareError) {
        guard let root else { throw .malformed(path: path, line: 1, column: 1, message: "the file is empty") }
        guard case .mapping(let mapping) = root else {
            throw .malformed(path: path, line: root.location.line, column: root.location.column,
                             message: "not a hardware profile: expected a mapping of profile keys, got \(root.kindDescription)")
        }
        if let key = mapping.entries.first(where: { calibrationOnlyKeys.contains($0.name ?? "") }) {
            throw .malformed(path: path, line: key.key.location.line, column: key.key.location.column,
                             message: "this is a calibration profile (archcalc calibrate's output, with "
                                 + "'\(key.name ?? "")'), not a hardware profile: give it to size --calibration or "
                                 + "validate --profile; calibrate --hardware-profile FILE writes this host's hardware "
                                 + "profile for --hardware")
        }
        guard mapping.entries.contains(where: { KeyCheck.rootKeys.contains($0.name ?? "") }) else {
            throw .malformed(path: path, line: root.location.line, column: root.location.column,
                             message: "not a hardware profile: none of its top-level keys is a profile key "
                                 + "(id, name, vendor, memory, memory_bandwidth, ...; docs/hardware.md)")
        }
    }
}
