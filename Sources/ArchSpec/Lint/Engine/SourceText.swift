/// Line access and token spans over a file's bytes, for snippets and end columns.
struct SourceText {
    let bytes: [UInt8]

    /// The text of 1-based line `number`, without its line break, or `nil` past the end.
    func line(_ number: Int) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = 0
        if number > 1 {
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "\n") {
                    current += 1
                    if current == number {
                        start = index + 1
                        break
                    }
                }
                index += 1
            }
            guard current == number else { return nil }
        }
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard start <= end else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The position just past the token starting at `location` on `line`: a quoted scalar to its closing
    /// quote, otherwise up to a flow or key delimiter, a comment or the end of the line.
    static func tokenEnd(on line: String, at location: SourceLocation) -> SourceLocation {
        let scalars = Array(line.unicodeScalars)
        let start = location.column - 1
        guard start >= 0, start < scalars.count else {
            return SourceLocation(line: location.line, column: location.column + 1)
        }
        var index = start
        if scalars[start] == "\"" || scalars[start] == "'" {
            index += 1
            while index < scalars.count, scalars[index] != scalars[start] {
                if scalars[index] == "\\", scalars[start] == "\"" { index += 1 }
                index += 1
            }
            index = min(index + 1, scalars.count)
        } else {
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "," || scalar == "]" || scalar == "}" { break }
                let next: Unicode.Scalar = index + 1 < scalars.count ? scalars[index + 1] : " "
                if scalar == ":", next == " " || next == "\t" || index + 1 == scalars.count { break }
                if scalar == " ", next == "#" { break }
                index += 1
            }
            while index > start + 1, scalars[index - 1] == " " || scalars[index - 1] == "\t" { index -= 1 }
        }
        return SourceLocation(line: location.line, column: max(index, start + 1) + 1)
    }
}
