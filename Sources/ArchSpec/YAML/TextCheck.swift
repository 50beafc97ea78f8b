/// Cheap checks that the input is text before a parser sees it.
enum TextCheck {
    /// Offset of the first NUL byte or invalid UTF-8 sequence, or `nil` for valid text.
    static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        if let nul = bytes.firstIndex(of: 0) { return nul }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var scalarStart = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalarStart = offset
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                _ = scalarStart
                return offset
            }
        }
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    static func location(ofByte offset: Int, in bytes: [UInt8]) -> SourceLocation {
        var line = 1
        var column = 1
        for byte in bytes.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(line: line, column: column)
    }
}
