#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file to lint.
public struct LintInput: Hashable, Sendable {
    /// The path as reported (as given, or joined under a given directory); `-` for standard input.
    public var path: String
    /// Absolute, lexically normalised path (for config discovery and patterns).
    public var absolutePath: String
    /// Whether the user named it (files found in directories are skipped unless they are specs).
    public var explicit: Bool
    /// The absolute directory named on the command line that led here (a named file's own directory): the
    /// highest place configuration discovery may look outside a repository.
    public var scanRoot: String

    public init(path: String, absolutePath: String, explicit: Bool, scanRoot: String? = nil) {
        self.path = path
        self.absolutePath = absolutePath
        self.explicit = explicit
        self.scanRoot = scanRoot ?? PathText.parent(absolutePath)
    }
}

/// Expands command-line paths into files: directories are walked in sorted order for `*.yaml`, `*.yml` and
/// `config.json`, skipping hidden entries, symbolic links to directories, and symbolic links whose target
/// lies outside the scanned directory (a symbolic link named on the command line is read). Directories
/// deeper than `maxDepth` below the named one, and directories that cannot be read, are reported.
public enum FileDiscovery {
    /// Deepest directory scanned below a named directory.
    public static let maxDepth = 64

    /// What a scan found: files, paths that do not exist, and directories it could not scan (exit code 2).
    public struct Expansion: Sendable {
        public var inputs: [LintInput] = []
        public var missing: [String] = []
        public var problems: [LintIOError] = []
    }

    /// The files under `paths`, the paths that do not exist, and the directories that could not be scanned.
    public static func expand(_ paths: [String], workingDirectory: String) -> Expansion {
        var result = Expansion()
        for path in paths {
            if path == "-" {
                result.inputs.append(LintInput(path: "-", absolutePath: PathText.join(workingDirectory, "-"), explicit: true,
                                               scanRoot: workingDirectory))
                continue
            }
            var info = stat()
            guard stat(path, &info) == 0 else {
                result.missing.append(path)
                continue
            }
            let absolute = PathText.absolute(path, in: workingDirectory)
            if info.st_mode & S_IFMT == S_IFDIR {
                var scan = Scan(root: absolute, resolvedRoot: PathText.resolved(absolute) ?? absolute)
                scan.walk(display: path, absolute: absolute, depth: 0)
                result.inputs += scan.inputs
                result.problems += scan.problems
            } else {
                result.inputs.append(LintInput(path: path, absolutePath: absolute, explicit: true))
            }
        }
        return result
    }

    /// Whether a file name is one a directory scan picks up.
    public static func isCandidate(_ name: String) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name == "config.json"
    }

    /// One named directory's walk.
    struct Scan {
        let root: String
        /// The root with symbolic links resolved, to decide whether a link's target stays inside.
        let resolvedRoot: String
        var inputs: [LintInput] = []
        var problems: [LintIOError] = []

        mutating func walk(display: String, absolute: String, depth: Int) {
            guard depth <= maxDepth else {
                problems.append(.tooDeep(directory: display, limit: maxDepth))
                return
            }
            guard let directory = opendir(absolute) else {
                let reason = String(cString: strerror(errno))
                problems.append(.unreadableDirectory(display, reason: reason))
                return
            }
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                names.append(name)
            }
            closedir(directory)
            for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let childAbsolute = PathText.join(absolute, name)
                let childDisplay = PathText.join(display, name)
                var info = stat()
                guard lstat(childAbsolute, &info) == 0 else { continue }
                let type = info.st_mode & S_IFMT
                if type == S_IFDIR {
                    walk(display: childDisplay, absolute: childAbsolute, depth: depth + 1)
                } else if isCandidate(name), type == S_IFREG || (type == S_IFLNK && staysInside(childAbsolute)) {
                    inputs.append(LintInput(path: childDisplay, absolutePath: childAbsolute, explicit: false, scanRoot: root))
                }
            }
        }

        /// Whether a symbolic link's final target lies inside the scanned directory.
        func staysInside(_ link: String) -> Bool {
            guard let target = PathText.resolved(link) else { return false }
            return ConfigDiscovery.isWithin(target, resolvedRoot)
        }
    }
}

