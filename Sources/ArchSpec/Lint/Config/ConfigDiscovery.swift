#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the configuration for each file: the nearest `.archcalc.yaml` (or `.yml`) walking up from the
/// file's directory, stopping after the repository root (a directory holding `.git`); built-in defaults when
/// there is none. Results are cached per directory. Not thread-safe: resolve before linting in parallel.
public final class ConfigDiscovery {
    public static let fileNames = [".archcalc.yaml", ".archcalc.yml"]
    private var cache: [String: LintConfiguration] = [:]
    private var loaded: [String: LintConfiguration] = [:]
    private let workingDirectory: String

    public init(workingDirectory: String) { self.workingDirectory = workingDirectory }

    /// The configuration that applies to files in `directory` (absolute).
    public func configuration(forDirectory directory: String) throws(LintConfigError) -> LintConfiguration {
        if let cached = cache[directory] { return cached }
        var visited: [String] = []
        var current = directory
        var found: LintConfiguration?
        while found == nil {
            if let cached = cache[current] {
                found = cached
                break
            }
            visited.append(current)
            if let file = Self.fileNames.map({ PathText.join(current, $0) }).first(where: Self.exists) {
                found = try load(file)
                break
            }
            if Self.exists(PathText.join(current, ".git")) || current == "/" { break }
            current = PathText.parent(current)
        }
        let result = found ?? LintConfiguration(directory: workingDirectory)
        for directory in visited { cache[directory] = result }
        return result
    }

    /// Loads a named configuration file (`--config`).
    public func load(_ path: String) throws(LintConfigError) -> LintConfiguration {
        let absolute = PathText.absolute(path, in: workingDirectory)
        if let config = loaded[absolute] { return config }
        let bytes: [UInt8]
        do {
            bytes = try FileInput.read(path, limit: 1 << 20)
        } catch {
            throw LintConfigError(file: path, location: nil, message: "cannot read configuration: \(error.description)")
        }
        let config = try ConfigReader.read(bytes, file: path, directory: PathText.parent(absolute))
        loaded[absolute] = config
        return config
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }
}
