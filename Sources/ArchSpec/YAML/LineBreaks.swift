/// The one definition of a line break that every position in archcalc follows: libyaml's.
///
/// libyaml (a YAML 1.1 parser) ends a line at CR LF, LF, CR, NEL (U+0085), LS (U+2028) and PS (U+2029), and
/// counts its marks' lines and columns (in Unicode scalars) that way. YAML 1.2 treats NEL, LS and PS as
/// ordinary characters, but the parser decides where keys and values start, so the composer's marks, source
/// snippets and the comment scanner (which places suppressions) all split lines exactly where libyaml does:
/// a comment can never be counted on a different line than the finding it names. A UTF-8 byte order mark
/// before the first line is not part of it (libyaml skips it).
public enum LineBreaks {
    /// Bytes of the line break starting at `index` (2 for CR LF and NEL, 3 for LS and PS, 1 for LF and CR),
    /// or 0 when none starts there.
    @inline(__always)
    static func length(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x0A { return 1 }
        if byte == 0x0D { return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1 }
        if byte == 0xC2 { return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : 0 }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
           bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
            return 3
        }
        return 0
    }

    /// Offset of the first line's first byte: 3 after a UTF-8 byte order mark, else 0.
    static func contentStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Byte ranges of every line's content (without its break), in one pass; a file ending in a break has an
    /// empty last line, as libyaml counts it.
    public static func lines(in bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { buffer in
            var result: [Range<Int>] = []
            var start = contentStart(buffer)
            var index = start
            while index < buffer.count {
                let byte = buffer[index]
                // Only LF, CR and the lead bytes of NEL, LS and PS can start a break.
                if byte != 0x0A, byte != 0x0D, byte != 0xC2, byte != 0xE2 {
                    index += 1
                    continue
                }
                let width = length(in: buffer, at: index)
                if width == 0 {
                    index += 1
                    continue
                }
                result.append(start..<index)
                index += width
                start = index
            }
            result.append(start..<buffer.count)
            return result
        }
    }
}
