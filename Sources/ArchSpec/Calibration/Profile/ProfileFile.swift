#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Errors of calibration and validation.
public enum CalibrationError: Error, Equatable, CustomStringConvertible {
    /// The profile does not exist.
    case unreadable(path: String)
    /// The profile was refused by the input checks (not a regular file, too large, unreadable): the reader's
    /// one-line message, which names the path.
    case refused(String)
    case malformed(path: String, reason: String)
    /// A syntax or schema error at a 1-based line and column.
    case located(path: String, line: Int, column: Int, message: String)
    case unwritable(path: String, reason: String)
    case tooLarge(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .unreadable(let path): "\(path): cannot read calibration profile: no such file"
        case .refused(let message): message
        case .malformed(let path, let reason): "\(path): not a calibration profile: \(reason)"
        case .located(let path, let line, let column, let message): "\(path):\(line):\(column): \(message)"
        case .unwritable(let path, let reason): "cannot write \(path): \(reason)"
        case .tooLarge(let what): what
        case .invalid(let what): what
        }
    }
}

extension CalibrationResult {
    /// The profile as YAML.
    public func yaml() throws -> String {
        do { return try YAMLEmitter().text(YAMLNodeEncoder().encode(self)) } catch {
            throw CalibrationError.invalid("cannot encode profile: \(error)")
        }
    }

    /// `hardwareProfile()` as YAML in the catalog's schema.
    public func hardwareProfileYAML() throws -> String {
        do { return try YAMLEmitter().text(YAMLNodeEncoder().encode(hardwareProfile())) } catch {
            throw CalibrationError.invalid("cannot encode the hardware profile: \(error)")
        }
    }
}

/// The current time as ISO 8601 UTC (`2026-11-29T04:07:00Z`).
func utcTimestamp() -> String {
    var now = time(nil)
    var parts = tm()
    gmtime_r(&now, &parts)
    func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
        + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
}
