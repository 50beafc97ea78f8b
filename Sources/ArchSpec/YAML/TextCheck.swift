#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cheap checks that the input is text before a parser sees it.
enum TextCheck {
    /// Offset of the first NUL byte or invalid UTF-8 sequence, or `nil` for valid text.
    static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        let nul = bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let hit = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        if let nul { return nul }
        // Fast path: the standard library's validator; the decoder below only runs to locate a bad byte.
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
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

    /// 1-based line and column (in Unicode scalars) of a byte offset, lines split as libyaml splits them.
    static func location(ofByte offset: Int, in bytes: [UInt8]) -> SourceLocation {
        let lines = LineBreaks.lines(in: bytes)
        // The last line starting at or before `offset` (a break's own bytes belong to the line it ends).
        var low = 0, high = lines.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lines[middle].lowerBound <= offset { low = middle } else { high = middle - 1 }
        }
        let start = lines[low].lowerBound
        let column = offset <= start ? 1 : 1 + bytes[start..<offset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return SourceLocation(line: low + 1, column: column)
    }
}
