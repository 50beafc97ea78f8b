/// Finds `#` comments line by line, skipping `#` inside quotes or not preceded by whitespace.
///
/// libyaml drops comments, but inline suppressions live in them. Quoted scalars spanning lines are rare in
/// specs; a `#` inside one may be misread as a comment, which can only add a suppression-looking comment.
enum CommentScanner {
    static func comments(in bytes: [UInt8]) -> [YAMLDocument.Comment] {
        var result: [YAMLDocument.Comment] = []
        var line = 1
        var lineStart = 0
        while lineStart <= bytes.count {
            var end = lineStart
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            if let comment = scanLine(bytes[lineStart..<end], line: line) { result.append(comment) }
            line += 1
            lineStart = end + 1
        }
        return result
    }

    private static func scanLine(_ bytes: ArraySlice<UInt8>, line: Int) -> YAMLDocument.Comment? {
        var quote: UInt8?
        var previous: UInt8 = UInt8(ascii: " ")
        var sawCode = false
        var column = 1
        for index in bytes.indices {
            let byte = bytes[index]
            defer {
                previous = byte
                if byte & 0xC0 != 0x80 { column += 1 }
            }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            if byte == UInt8(ascii: "#"), previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t") || !sawCode {
                var text = Array(bytes[(index + 1)...])
                if text.last == UInt8(ascii: "\r") { text.removeLast() }
                return YAMLDocument.Comment(
                    text: String(decoding: text, as: UTF8.self), location: SourceLocation(line: line, column: column),
                    isTrailing: sawCode)
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"), !sawCode || previous == UInt8(ascii: " ")
                || previous == UInt8(ascii: ":") || previous == UInt8(ascii: "[") || previous == UInt8(ascii: ",") {
                quote = byte
            }
            if byte != UInt8(ascii: " "), byte != UInt8(ascii: "\t") { sawCode = true }
        }
        return nil
    }
}
