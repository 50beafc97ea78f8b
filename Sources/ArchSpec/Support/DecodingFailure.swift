/// A `DecodingError` as one located line: the key path, what was expected, and where the node was written.
///
/// Decoder text (Yams' and Foundation's debug descriptions, which quote source and span lines) is never shown
/// whole: only messages archcalc's own decoders raise are kept, escaped and cut to one short line.
struct DecodingFailure {
    var codingPath: [any CodingKey]
    var message: String

    init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            let parent = Self.keyPath(context.codingPath)
            codingPath = context.codingPath
            message = "missing key '\(Escaping.short(key.stringValue, limit: 40))'" + (parent.isEmpty ? "" : " in \(parent)")
        case .typeMismatch(let type, let context):
            codingPath = context.codingPath
            message = "\(Self.subject(context.codingPath)) must be \(Self.noun(for: type))"
        case .valueNotFound(let type, let context):
            codingPath = context.codingPath
            message = "\(Self.subject(context.codingPath)) must be \(Self.noun(for: type)), found null"
        case .dataCorrupted(let context):
            codingPath = context.codingPath
            let detail = context.debugDescription.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            message = "\(Self.subject(context.codingPath)): " + Escaping.short(detail, limit: 160)
        @unknown default:
            codingPath = []
            message = "the file does not match the expected schema"
        }
    }

    /// Where the failing node was written: the deepest node along the coding path in `root`.
    func location(in root: YAMLNode?) -> SourceLocation {
        guard var current = root else { return SourceLocation(line: 1, column: 1) }
        for key in codingPath where key.stringValue != "super" {
            if let index = key.intValue, case .sequence(let sequence) = current, index >= 0, index < sequence.items.count {
                current = sequence.items[index]
            } else if let child = current.mapping?[key.stringValue] {
                current = child
            } else {
                break
            }
        }
        return current.location
    }

    /// `interconnect.bandwidth`, `efficiency.curves[0].points` (each key escaped and cut).
    static func keyPath(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath where key.stringValue != "super" {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + Escaping.short(key.stringValue, limit: 40)
            }
        }
        return text
    }

    private static func subject(_ codingPath: [any CodingKey]) -> String {
        let path = keyPath(codingPath)
        return path.isEmpty ? "the document" : path
    }

    /// "a number", "an integer", "a mapping" for the Swift type a decoder expected.
    static func noun(for type: Any.Type) -> String {
        let name = "\(type)"
        if type == Double.self || type == Float.self { return "a number" }
        if type == Int.self || type == Int64.self || type == UInt64.self || type == Int32.self { return "an integer" }
        if type == Bool.self { return "true or false" }
        if type == String.self { return "a string" }
        if name.contains("Mapping") || name.contains("Dictionary") { return "a mapping" }
        if name.contains("Sequence") || name.contains("Array") { return "a list" }
        return "a \(Escaping.short(name, limit: 40)) value"
    }
}
