/// A parsed JSON value of a checkpoint header (safetensors header, index, config), with the byte offset of
/// each object member's key so errors can name line and column.
///
/// A small strict parser rather than the YAML composer: headers reach 100 MB and tens of thousands of
/// entries, and a 1,000-shard index must read in milliseconds. Nesting is limited to 64 levels (headers use
/// 3), numbers are kept as text (read exactly as integers where one is wanted).
indirect enum HeaderJSON: Sendable {
    case object([(key: String, value: HeaderJSON, offset: Int)])
    case array([HeaderJSON])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    /// The member named `key`, with the byte offset of its key.
    func member(_ key: String) -> (value: HeaderJSON, offset: Int)? {
        guard case .object(let members) = self else { return nil }
        for member in members where member.key == key { return (member.value, member.offset) }
        return nil
    }

    subscript(_ key: String) -> HeaderJSON? { member(key)?.value }

    var string: String? { if case .string(let s) = self { s } else { nil } }
    var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    var array: [HeaderJSON]? { if case .array(let a) = self { a } else { nil } }
    var members: [(key: String, value: HeaderJSON, offset: Int)]? { if case .object(let m) = self { m } else { nil } }

    /// A non-negative integer written without fraction or exponent, at most 2^63 - 1.
    var integer: Int? {
        guard case .number(let text) = self, !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return nil
        }
        return Int(text)
    }

    /// What a value is, for messages.
    var kind: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

/// A JSON syntax error at a byte offset of the parsed text.
struct HeaderJSONError: Error, Sendable {
    var message: String
    var offset: Int
}

extension HeaderJSON {
    /// Parses one JSON document; trailing spaces (safetensors pads its header with them) are allowed.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(HeaderJSONError) -> HeaderJSON {
        var parser = HeaderJSONParser(bytes: bytes)
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.position == bytes.count else {
            throw HeaderJSONError(message: "unexpected text after the JSON value", offset: parser.position)
        }
        return value
    }

    static func parse(_ bytes: [UInt8]) throws(HeaderJSONError) -> HeaderJSON {
        try bytes.withUnsafeBufferPointer { (buffer) throws(HeaderJSONError) -> HeaderJSON in try parse(buffer) }
    }

    /// 1-based line and column of a byte offset (columns count bytes).
    static func location(of offset: Int, in bytes: [UInt8]) -> SourceLocation {
        var line = 1, lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return SourceLocation(line: line, column: offset - lineStart + 1)
    }
}
