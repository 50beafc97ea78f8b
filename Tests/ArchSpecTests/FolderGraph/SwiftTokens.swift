/// The tokens of Swift source that matter for finding who references whom: identifiers and single punctuation
/// characters, with comments and the text of string literals left out (interpolations are code and kept).
///
/// Not a Swift parser: enough to find top-level declarations (`struct X` at brace depth 0) and every identifier
/// outside comments and strings. Regex literals are not recognised (ArchSpec uses none).
struct SwiftTokens {
    struct Token: Equatable {
        /// An identifier (keywords included, backticks removed) or one punctuation character.
        var text: String
        var isIdentifier: Bool
        /// Braces open around the token, counted in code only.
        var depth: Int
        /// 1-based line.
        var line: Int
    }

    private(set) var tokens: [Token] = []

    /// What the scanner is inside of: code (with its open parentheses, to find an interpolation's end) or a
    /// string literal (with its `#` count and whether it is a `"""` literal).
    private enum Frame {
        case code(parens: Int)
        case string(hashes: Int, multiline: Bool)
    }

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var stack: [Frame] = [.code(parens: 0)]
        var depth = 0, line = 1, index = 0
        func at(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        func hashes(from start: Int) -> Int {
            var count = 0
            while start + count < bytes.count, bytes[start + count] == UInt8(ascii: "#") { count += 1 }
            return count
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { line += 1 }
            switch stack[stack.count - 1] {
            case .string(let count, let multiline):
                if byte == UInt8(ascii: "\\"), hashes(from: index + 1) == count {
                    if at(1 + count) == UInt8(ascii: "(") {
                        stack.append(.code(parens: 0))
                        index += 2 + count
                    } else {
                        index += 2 + count  // an escaped character
                    }
                    continue
                }
                if byte == UInt8(ascii: "\"") {
                    let quotes = multiline ? 3 : 1
                    let closes = (0..<quotes).allSatisfy { at($0) == UInt8(ascii: "\"") } && hashes(from: index + quotes) >= count
                    if closes {
                        stack.removeLast()
                        index += quotes + count
                        continue
                    }
                }
                index += 1
            case .code(let parens):
                if byte == UInt8(ascii: "/"), at(1) == UInt8(ascii: "/") {
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                    continue
                }
                if byte == UInt8(ascii: "/"), at(1) == UInt8(ascii: "*") {
                    var nesting = 0
                    repeat {
                        if at(0) == UInt8(ascii: "/"), at(1) == UInt8(ascii: "*") { nesting += 1; index += 2; continue }
                        if at(0) == UInt8(ascii: "*"), at(1) == UInt8(ascii: "/") { nesting -= 1; index += 2; continue }
                        if at(0) == UInt8(ascii: "\n") { line += 1 }
                        index += 1
                    } while nesting > 0 && index < bytes.count
                    continue
                }
                let count = byte == UInt8(ascii: "#") ? hashes(from: index) : 0
                if bytes.indices.contains(index + count), bytes[index + count] == UInt8(ascii: "\"") {
                    let start = index + count
                    let multiline = at(count + 1) == UInt8(ascii: "\"") && at(count + 2) == UInt8(ascii: "\"")
                    stack.append(.string(hashes: count, multiline: multiline))
                    index = start + (multiline ? 3 : 1)
                    continue
                }
                let quoted = byte == UInt8(ascii: "`") && Self.isIdentifierStart(at(1))
                if Self.isIdentifierStart(byte) || quoted {
                    let start = index + (quoted ? 1 : 0)
                    var end = start
                    while end < bytes.count, Self.isIdentifierPart(bytes[end]) { end += 1 }
                    let name = String(decoding: bytes[start..<end], as: UTF8.self)
                    tokens.append(Token(text: name, isIdentifier: true, depth: depth, line: line))
                    index = end + (quoted && at(end - index) == UInt8(ascii: "`") ? 1 : 0)
                    continue
                }
                if Self.isDigit(byte) {
                    while index < bytes.count, Self.isIdentifierPart(bytes[index]) || bytes[index] == UInt8(ascii: ".") && index + 1 < bytes.count && Self.isDigit(bytes[index + 1]) { index += 1 }
                    continue
                }
                switch byte {
                case UInt8(ascii: "("):
                    stack[stack.count - 1] = .code(parens: parens + 1)
                case UInt8(ascii: ")"):
                    if parens == 0, stack.count > 1 {
                        stack.removeLast()  // the end of an interpolation: back in the string
                        index += 1
                        continue
                    }
                    stack[stack.count - 1] = .code(parens: max(0, parens - 1))
                case UInt8(ascii: "}"):
                    depth = max(0, depth - 1)
                default: break
                }
                if byte > 32, byte < 127 {
                    tokens.append(Token(text: String(UnicodeScalar(byte)), isIdentifier: false, depth: depth, line: line))
                }
                if byte == UInt8(ascii: "{") { depth += 1 }
                index += 1
            }
        }
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isIdentifierPart(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }
}
