#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the configuration for each file: the nearest `.archcalc.yaml` (or `.yml`) walking up from the
/// file's directory, never above a ceiling:
/// - inside a repository (a directory holding `.git`, found walking up from the file), its root;
/// - outside any repository, the working directory when the file lies under it (unless it is `/`),
///   otherwise the directory named on the command line (a named file's own directory).
/// So a planted `/tmp/.archcalc.yaml` never switches rules off for `archcalc lint /tmp/x/spec.yaml` run
/// from elsewhere, `/` included. Built-in defaults when there is none. Results are cached per directory and ceiling. Not
/// thread-safe: resolve before linting in parallel.
public final class ConfigDiscovery {
    public static let fileNames = [".archcalc.yaml", ".archcalc.yml"]
    private var cache: [String: LintConfiguration] = [:]
    private var repositoryRoots: [String: String?] = [:]
    private var loaded: [String: LintConfiguration] = [:]
    private let workingDirectory: String

    public init(workingDirectory: String) { self.workingDirectory = workingDirectory }

    /// The configuration that applies to files in `directory` (absolute).
    ///
    /// - Parameters:
    ///   - directory: The file's directory, absolute.
    ///   - scanRoot: The absolute directory named on the command line (or the named file's directory);
    ///     defaults to `directory`.
    public func configuration(forDirectory directory: String, scanRoot: String? = nil) throws(LintConfigError) -> LintConfiguration {
        let ceiling = self.ceiling(for: directory, scanRoot: scanRoot ?? directory)
        let key = ceiling + "\u{0}" + directory
        if let cached = cache[key] { return cached }
        var current = directory
        var found: LintConfiguration?
        while true {
            if let file = Self.fileNames.map({ PathText.join(current, $0) }).first(where: Self.exists) {
                found = try load(file)
                break
            }
            if current == ceiling || current == "/" || !Self.isWithin(current, ceiling) { break }
            current = PathText.parent(current)
        }
        let result = found ?? LintConfiguration(directory: workingDirectory)
        cache[key] = result
        return result
    }

    /// The highest directory the walk from `directory` may reach.
    func ceiling(for directory: String, scanRoot: String) -> String {
        if let root = repositoryRoot(of: directory) { return root }
        // A working directory of `/` is no bound at all: there the named directory is the ceiling.
        return workingDirectory != "/" && Self.isWithin(directory, workingDirectory) ? workingDirectory : scanRoot
    }

    /// The nearest directory at or above `directory` holding `.git`, or `nil`; cached per directory.
    func repositoryRoot(of directory: String) -> String? {
        var visited: [String] = []
        var current = directory
        var root: String?
        while true {
            if let cached = repositoryRoots[current] {
                root = cached
                break
            }
            visited.append(current)
            if Self.exists(PathText.join(current, ".git")) {
                root = current
                break
            }
            if current == "/" { break }
            current = PathText.parent(current)
        }
        for path in visited { repositoryRoots[path] = .some(root) }
        return root
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

    /// Whether absolute `path` is `directory` or below it (lexically).
    static func isWithin(_ path: String, _ directory: String) -> Bool {
        directory == "/" || path == directory || path.hasPrefix(directory.hasSuffix("/") ? directory : directory + "/")
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }
}
