/// Line access and token spans over a file's bytes, for snippets, end columns and suppression targets.
///
/// Lines are split once, where libyaml splits them (`LineBreaks`), so reading line `n` costs its own length,
/// not the file's. Columns are 1-based counts of Unicode scalars, as in the composer's marks.
struct SourceText {
    let bytes: [UInt8]
    /// Byte range of each line's content, without its break; index 0 is line 1.
    let lines: [Range<Int>]

    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - lines: Its line ranges when the composer already split them (`YAMLDocument.lines`).
    init(bytes: [UInt8], lines: [Range<Int>]? = nil) {
        self.bytes = bytes
        self.lines = lines ?? LineBreaks.lines(in: bytes)
    }

    /// The byte range of 1-based line `number`, or `nil` past the end.
    func range(ofLine number: Int) -> Range<Int>? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// The text of 1-based line `number`, without its line break, or `nil` past the end.
    func line(_ number: Int) -> String? {
        range(ofLine: number).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// For every line, the first line at or after it that holds something other than blanks or a comment
    /// (`lines.count + 1` when none does): one backward pass.
    func nextCodeLines() -> [Int] {
        var result = [Int](repeating: lines.count + 1, count: lines.count + 2)
        var next = lines.count + 1
        for number in stride(from: lines.count, through: 1, by: -1) {
            let range = lines[number - 1]
            var index = range.lowerBound
            while index < range.upperBound, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            if index < range.upperBound, bytes[index] != UInt8(ascii: "#") { next = number }
            result[number] = next
        }
        return result
    }
}

extension SourceText {
    /// Walks columns along lines in increasing order, so findings sorted by location cost one pass over each
    /// line however many of them point into it.
    struct Cursor {
        let source: SourceText
        private var line = 0
        private var column = 1
        private var offset = 0
        private var countedLine = 0
        private var count = 0

        init(_ source: SourceText) { self.source = source }

        /// Byte offset of 1-based `column` on `number` (clamped to the line's end), or `nil` past the end.
        mutating func offset(line number: Int, column wanted: Int) -> Int? {
            guard let range = source.range(ofLine: number) else { return nil }
            if number != line || wanted < column {
                (line, column, offset) = (number, 1, range.lowerBound)
            }
            while column < wanted, offset < range.upperBound {
                offset += 1
                while offset < range.upperBound, source.bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                column += 1
            }
            return offset
        }

        /// Unicode scalars on line `number`, counted once per line.
        mutating func scalarCount(line number: Int) -> Int {
            guard let range = source.range(ofLine: number) else { return 0 }
            if number != countedLine {
                countedLine = number
                count = source.bytes[range].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            }
            return count
        }
    }

    /// The position just past the token starting at `location`: a quoted scalar to its closing quote,
    /// otherwise up to a flow or key delimiter, a comment or the end of the line. Reads only the token's bytes.
    func tokenEnd(at location: SourceLocation, cursor: inout Cursor) -> SourceLocation {
        guard let range = range(ofLine: location.line), location.column >= 1,
              let start = cursor.offset(line: location.line, column: location.column), start < range.upperBound else {
            return SourceLocation(line: location.line, column: location.column + 1)
        }
        let end = range.upperBound
        var index = start
        let quote = bytes[start]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            index += 1
            while index < end, bytes[index] != quote {
                if bytes[index] == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") { index += 1 }
                index += 1
            }
            index = min(index + 1, end)
        } else {
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") { break }
                let next = index + 1 < end ? bytes[index + 1] : UInt8(ascii: " ")
                if byte == UInt8(ascii: ":"), next == 0x20 || next == 0x09 || index + 1 == end { break }
                if byte == 0x20, next == UInt8(ascii: "#") { break }
                index += 1
            }
            while index > start + 1, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 { index -= 1 }
        }
        // Every byte tested above is ASCII, so `index` is on a scalar boundary; count the token's scalars.
        let scalars = bytes[start..<max(index, start + 1)].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return SourceLocation(line: location.line, column: location.column + max(scalars, 1))
    }
}
