#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Yams

/// Errors of calibration and validation.
public enum CalibrationError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String)
    case malformed(path: String, reason: String)
    case unwritable(path: String, reason: String)
    case tooLarge(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read profile \(path)"
        case .malformed(let path, let reason): "\(path): not a calibration profile: \(reason)"
        case .unwritable(let path, let reason): "cannot write \(path): \(reason)"
        case .tooLarge(let what): what
        case .invalid(let what): what
        }
    }
}

extension CalibrationResult {
    /// The profile as YAML.
    public func yaml() throws -> String {
        do { return try YAMLEncoder().encode(self) } catch {
            throw CalibrationError.invalid("cannot encode profile: \(error)")
        }
    }

    /// `hardwareProfile()` as YAML in the catalog's schema.
    public func hardwareProfileYAML() throws -> String {
        do { return try YAMLEncoder().encode(hardwareProfile()) } catch {
            throw CalibrationError.invalid("cannot encode the hardware profile: \(error)")
        }
    }

    /// Reads a profile written by `archcalc calibrate`.
    public static func load(path: String) throws -> CalibrationResult {
        guard let text = SystemFiles.read(path, limit: 64 << 20) else { throw CalibrationError.unreadable(path: path) }
        do { return try YAMLDecoder().decode(CalibrationResult.self, from: text) } catch {
            throw CalibrationError.malformed(path: path, reason: "\(error)")
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
