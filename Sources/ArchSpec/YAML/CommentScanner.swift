#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds `#` comments line by line, skipping `#` inside quotes or not preceded by whitespace.
///
/// libyaml drops comments, but inline suppressions live in them. Quoted scalars spanning lines are rare in
/// specs; a `#` inside one may be misread as a comment, which can only add a suppression-looking comment.
enum CommentScanner {
    /// Comments of every line, lines split as libyaml splits them (`LineBreaks`).
    static func comments(in bytes: [UInt8], lines: [Range<Int>]) -> [YAMLDocument.Comment] {
        var result: [YAMLDocument.Comment] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for (index, range) in lines.enumerated() where !range.isEmpty {
                // Most lines hold no `#`: `memchr` skips them without a byte loop.
                guard memchr(base + range.lowerBound, Int32(UInt8(ascii: "#")), range.count) != nil else { continue }
                if let comment = scanLine(bytes[range], line: index + 1) { result.append(comment) }
            }
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
                return YAMLDocument.Comment(
                    text: String(decoding: bytes[(index + 1)...], as: UTF8.self), location: SourceLocation(line: line, column: column),
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
