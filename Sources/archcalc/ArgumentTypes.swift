import ArchSpec
import ArgumentParser

/// Spec files: archspec YAML or a Hugging Face config.json. Shells complete these extensions (and directories).
let specCompletion = CompletionKind.file(extensions: ["yaml", "yml", "json"])

/// A hardware profile named on the command line: a built-in id, checked at parse time (with the nearest id
/// suggested), or a profile file, read when the command runs.
enum HardwareReference: ExpressibleByArgument {
    case builtIn(HardwareProfile)
    case file(String)

    init?(argument: String) { try? self.init(parsing: argument) }

    /// - Throws: `HardwareError.unknownID` for a word that is neither a built-in id nor a file name.
    init(parsing text: String) throws(HardwareError) {
        if let profile = HardwareCatalog.profile(id: text) {
            self = .builtIn(profile)
            return
        }
        let lower = text.lowercased()
        guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json") || text.contains("/") else {
            _ = try HardwareCatalog.resolve(text)  // throws unknownID with the nearest ids
            throw .unknownID(text, suggestions: [])
        }
        self = .file(text)
    }

    /// Shells offer the built-in ids and profile files.
    static var defaultCompletionKind: CompletionKind {
        .custom { _, _, prefix in HardwareCatalog.all.map(\.id).filter { $0.hasPrefix(prefix) } }
    }

    /// The file path to refuse as an output, if this reference is a file.
    var path: String? {
        if case .file(let path) = self { return path }
        return nil
    }

    /// The profile: the built-in one, or the file read now; an unreadable or invalid file is status 2.
    func resolve() throws(CommandFailure) -> HardwareProfile {
        switch self {
        case .builtIn(let profile): return profile
        case .file(let path):
            do { return try HardwareCatalog.resolve(path) } catch { throw .error(error.description) }
        }
    }
}

extension ScaleGranularity: ExpressibleByArgument {
    /// `per-tensor` (`per-layer`), `per-channel`, `per-head`, `per-token`, `per-group-64` (`g64`).
    public init?(argument: String) {
        guard let parsed = ScaleGranularity.parse(argument) else { return nil }
        self = parsed
    }
}

extension Reserve: ExpressibleByArgument {
    /// A fraction (`0.1`, `10%`) or bytes (`2GiB`, `512 MB`).
    public init?(argument: String) {
        guard let parsed = Reserve.parse(argument) else { return nil }
        self = parsed
    }
}
