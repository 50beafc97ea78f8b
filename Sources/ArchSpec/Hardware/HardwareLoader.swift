import Foundation
import Yams

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
    /// The text first goes through archcalc's own composer with its limits (size, nodes after alias expansion,
    /// depth), so a hostile file is refused with its location before Yams builds a tree from it.
    public static func parse(_ text: String, path: String) throws(HardwareError) -> HardwareProfile {
        do {
            _ = try YAMLComposer.compose(text, limits: .default)
        } catch {
            throw .malformed(path: path, line: error.location.line, column: error.location.column, message: error.message)
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw HardwareError.malformed(path: path, line: nil, column: nil, message: "the file is empty")
            }
            root = node
        } catch let error as HardwareError {
            throw error
        } catch let error as YamlError {
            throw .malformed(path: path, line: nil, column: nil, message: "not valid YAML: \(error)")
        } catch {
            throw .malformed(path: path, line: nil, column: nil, message: "not valid YAML: \(error)")
        }
        try KeyCheck.check(root, path: path)
        let profile: HardwareProfile
        do {
            profile = try YAMLDecoder().decode(HardwareProfile.self, from: root)
        } catch let error as DecodingError {
            let (codingPath, message) = describe(error)
            let mark = node(at: codingPath, in: root)?.mark
            throw .malformed(path: path, line: mark?.line, column: mark?.column, message: message)
        } catch {
            throw .malformed(path: path, line: nil, column: nil, message: "\(error)")
        }
        try ProfileValidation.validate(profile, root: root, path: path)
        return profile
    }

    static func describe(_ error: DecodingError) -> ([any CodingKey], String) {
        switch error {
        case .keyNotFound(let key, let context):
            let parent = keyPath(context.codingPath)
            return (context.codingPath, "missing key '\(key.stringValue)'" + (parent.isEmpty ? "" : " in \(parent)"))
        case .typeMismatch(let type, let context):
            return (context.codingPath, "\(keyPath(context.codingPath)): expected \(type)")
        case .valueNotFound(let type, let context):
            return (context.codingPath, "\(keyPath(context.codingPath)): expected \(type), found null")
        case .dataCorrupted(let context):
            return (context.codingPath, "\(keyPath(context.codingPath)): \(context.debugDescription)")
        @unknown default:
            return ([], "\(error)")
        }
    }

    /// `interconnect.bandwidth`, `efficiency.curves[0].points`.
    static func keyPath(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath where key.stringValue != "super" {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    /// The deepest node along `codingPath` (for its line and column).
    static func node(at codingPath: [any CodingKey], in root: Node) -> Node? {
        var current = root
        for key in codingPath {
            if let index = key.intValue, let sequence = current.sequence, index < sequence.count {
                current = sequence[index]
            } else if let mapping = current.mapping, let child = mapping[key.stringValue] {
                current = child
            } else {
                break
            }
        }
        return current
    }
}
