/// Something lint could not read (exit code 2), reported apart from findings: a named path that does not
/// exist, a directory a scan could not enter, a file that could not be read, a checkpoint that could not be
/// opened. `description` is the one-line message every output prints.
public enum LintIOError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A path named on the command line that does not exist.
    case missing(path: String)
    /// A directory nested deeper than `FileDiscovery.maxDepth` below the named one.
    case tooDeep(directory: String, limit: Int)
    /// A directory that could not be opened, with the system's reason.
    case unreadableDirectory(String, reason: String)
    /// A file that could not be read.
    case unreadable(FileInput.Failure)
    /// The checkpoint named with `--checkpoint`, which could not be read.
    case checkpoint(path: String, message: String)

    /// The path at fault, as the user named it (or as the scan reached it).
    public var path: String {
        switch self {
        case .missing(let path), .tooDeep(let path, _), .unreadableDirectory(let path, _), .checkpoint(let path, _): path
        case .unreadable(let failure):
            switch failure {
            case .notFound(let path), .isDirectory(let path), .notRegularFile(let path), .unreadable(let path, _),
                 .tooLarge(let path, _, _): path
            }
        }
    }

    public var description: String {
        switch self {
        case .missing(let path): "\(path): no such file or directory"
        case .tooDeep(let directory, let limit): "\(directory): directory nesting deeper than \(limit) levels; not scanned"
        case .unreadableDirectory(let directory, let reason): "\(directory): cannot read directory: \(reason)"
        case .unreadable(let failure): failure.description
        case .checkpoint(_, let message): message
        }
    }
}
