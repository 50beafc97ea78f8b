/// The recursive-descent reader behind `HeaderJSON.parse`: linear in the input, depth at most 64.
struct HeaderJSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    static let maxDepth = 64

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    func fail(_ message: String, at offset: Int? = nil) -> HeaderJSONError {
        HeaderJSONError(message: message, offset: offset ?? position)
    }

    mutating func value(depth: Int) throws(HeaderJSONError) -> HeaderJSON {
        guard depth < Self.maxDepth else { throw fail("JSON nested deeper than \(Self.maxDepth) levels") }
        guard position < bytes.count else { throw fail("unexpected end of the JSON text") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw fail("unexpected character \(Self.describe(bytes[position])) in JSON")
        }
    }

    mutating func object(depth: Int) throws(HeaderJSONError) -> HeaderJSON {
        var members: [(key: String, value: HeaderJSON, offset: Int)] = []
        try self.members(depth: depth) { (parser, key, offset) throws(HeaderJSONError) in
            members.append((key, try parser.value(depth: depth + 1), offset))
        }
        return .object(members)
    }

    mutating func array(depth: Int) throws(HeaderJSONError) -> HeaderJSON {
        position += 1
        var items: [HeaderJSON] = []
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard position < bytes.count else { throw fail("unexpected end of the JSON text in an array") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
            throw fail("expected ',' or ']' in an array")
        }
    }

    mutating func literal(_ word: String) throws(HeaderJSONError) {
        let expected = Array(word.utf8)
        let count = expected.count
        guard position + count <= bytes.count else { throw fail("unexpected end of the JSON text") }
        for index in 0..<count where bytes[position + index] != expected[index] {
            throw fail("unexpected character \(Self.describe(bytes[position])) in JSON")
        }
        position += count
    }

    mutating func number() throws(HeaderJSONError) -> String {
        let start = position
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                 UInt8(ascii: "e"), UInt8(ascii: "E"):
                position += 1
            default:
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    /// A quoted string; escapes decoded, invalid UTF-8 and raw control characters refused.
    mutating func string() throws(HeaderJSONError) -> String {
        let start = position
        let (content, plain) = try stringBytes()
        return try Self.text(content, plain: plain, start: start)
    }

    /// The bytes between the quotes of a string, undecoded, and whether they hold no escape; the parser moves
    /// past the closing quote. Lets a caller compare a string with one it has seen without making a `String`.
    mutating func stringBytes() throws(HeaderJSONError) -> (content: UnsafeBufferPointer<UInt8>, plain: Bool) {
        let start = position
        position += 1
        let contentStart = position
        var plain = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[contentStart..<position])
                position += 1
                return (slice, plain)
            }
            if byte < 0x20 { throw fail("control character in a JSON string") }
            if byte == UInt8(ascii: "\\") { plain = false; position += 1 }
            position += 1
        }
        throw fail("unterminated JSON string", at: start)
    }

    /// The string of `stringBytes`' result (`start`: the offset of its opening quote, for errors).
    func text(_ content: UnsafeBufferPointer<UInt8>, plain: Bool, start: Int) throws(HeaderJSONError) -> String {
        try Self.text(content, plain: plain, start: start)
    }

    static func text(_ content: UnsafeBufferPointer<UInt8>, plain: Bool, start: Int) throws(HeaderJSONError) -> String {
        guard plain else { return try unescape(content, offset: start + 1) }
        // ASCII is valid UTF-8: the common case skips the generic validating initialiser, whose metadata
        // lookups cost more than the parse.
        if !content.contains(where: { $0 >= 0x80 }) { return String(decoding: content, as: UTF8.self) }
        guard let text = String(validating: content, as: UTF8.self) else {
            throw HeaderJSONError(message: "invalid UTF-8 in a JSON string", offset: start)
        }
        return text
    }

    /// An array of non-negative integers without fraction or exponent, at most 2^63 - 1; `nil` (with the
    /// array consumed) when it holds anything else. Reads the digits in place, making no strings.
    mutating func naturals(depth: Int) throws(HeaderJSONError) -> [Int]? {
        guard depth < Self.maxDepth else { throw fail("JSON nested deeper than \(Self.maxDepth) levels") }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "[") else {
            _ = try value(depth: depth)
            return nil
        }
        position += 1
        var items: [Int] = [], valid = true
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return items }
        while true {
            skipSpace()
            guard position < bytes.count else { throw fail("unexpected end of the JSON text in an array") }
            if valid, let natural = naturalInPlace() {
                items.append(natural)
            } else {
                valid = false
                _ = try value(depth: depth + 1)
            }
            skipSpace()
            guard position < bytes.count else { throw fail("unexpected end of the JSON text in an array") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "]") { position += 1; return valid ? items : nil }
            throw fail("expected ',' or ']' in an array")
        }
    }

    /// A run of digits ending where a number ends (not in `.`, `e`, `E`, `+`, `-`), read as an `Int`; the
    /// parser moves past it. `nil`, with the parser unmoved, for anything else.
    mutating func naturalInPlace() -> Int? {
        var index = position, total = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            let (times, o1) = total.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(bytes[index] - 0x30))
            guard !o1, !o2 else { return nil }
            total = sum
            index += 1
        }
        guard index > position else { return nil }
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"): return nil
            default: break
            }
        }
        position = index
        return total
    }

    /// Walks the object at the current position without building it: `body` gets each key and its offset with
    /// the parser at the member's value, and must consume that value.
    mutating func members(depth: Int,
                          _ body: (inout HeaderJSONParser, String, Int) throws(HeaderJSONError) -> Void) throws(HeaderJSONError) {
        guard depth < Self.maxDepth else { throw fail("JSON nested deeper than \(Self.maxDepth) levels") }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else { throw fail("expected an object") }
        position += 1
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return }
        while true {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
            let offset = position
            let key = try string()
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
            position += 1
            skipSpace()
            guard position < bytes.count else { throw fail("unexpected end of the JSON text") }
            try body(&self, key, offset)
            skipSpace()
            guard position < bytes.count else { throw fail("unexpected end of the JSON text in an object") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "}") { position += 1; return }
            throw fail("expected ',' or '}' in an object")
        }
    }

    static func unescape(_ slice: UnsafeBufferPointer<UInt8>, offset: Int) throws(HeaderJSONError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var index = 0
        var pendingHigh: UInt32? = nil
        while index < slice.count {
            let byte = slice[index]
            guard byte == UInt8(ascii: "\\") else { out.append(byte); index += 1; continue }
            guard index + 1 < slice.count else { break }
            let escape = slice[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard index + 4 <= slice.count,
                      let unit = UInt32(String(decoding: UnsafeBufferPointer(rebasing: slice[index..<index + 4]), as: UTF8.self), radix: 16)
                else { throw HeaderJSONError(message: "bad \\u escape in a JSON string", offset: offset + index) }
                index += 4
                var scalarValue = unit
                if (0xD800..<0xDC00).contains(unit) { pendingHigh = unit; continue }
                if (0xDC00..<0xE000).contains(unit), let high = pendingHigh {
                    scalarValue = 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00)
                }
                pendingHigh = nil
                let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw HeaderJSONError(message: "bad escape in a JSON string", offset: offset + index - 1)
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else {
            throw HeaderJSONError(message: "invalid UTF-8 in a JSON string", offset: offset)
        }
        return text
    }

    static func describe(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }
}
