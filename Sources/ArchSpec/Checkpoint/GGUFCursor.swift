/// Sequential little-endian reads over a GGUF header through a buffer refilled with `pread`; every length
/// is checked against the bytes left in the file before anything is allocated or skipped.
struct GGUFCursor {
    let file: CheckpointFile
    private(set) var offset: Int
    private var buffer: [UInt8] = []
    private var bufferStart = 0
    static let chunk = 1 << 20

    init(file: CheckpointFile, offset: Int = 0) {
        self.file = file
        self.offset = offset
    }

    var remaining: Int { file.size - offset }

    func fail(_ message: String, at position: Int? = nil) -> CheckpointError {
        CheckpointError(file: file.path, offset: position ?? offset, message)
    }

    /// Makes `count` bytes at `offset` available in the buffer.
    private mutating func ensure(_ count: Int) throws(CheckpointError) {
        guard count <= remaining else { throw fail("truncated file: \(count) bytes wanted, \(remaining) left") }
        if offset >= bufferStart, offset + count <= bufferStart + buffer.count { return }
        buffer = try file.read(min(max(count, Self.chunk), remaining), at: offset)
        bufferStart = offset
    }

    mutating func u8() throws(CheckpointError) -> UInt8 {
        try ensure(1)
        defer { offset += 1 }
        return buffer[offset - bufferStart]
    }

    mutating func u32() throws(CheckpointError) -> UInt32 { UInt32(truncatingIfNeeded: try integer(4)) }
    mutating func u64() throws(CheckpointError) -> UInt64 { try integer(8) }

    mutating func integer(_ width: Int) throws(CheckpointError) -> UInt64 {
        try ensure(width)
        let start = offset - bufferStart
        var value: UInt64 = 0
        for index in 0..<width { value |= UInt64(buffer[start + index]) << (8 * UInt64(index)) }
        offset += width
        return value
    }

    /// Skips `count` bytes of data (never reads them), refusing to pass the end of the file.
    mutating func skip(_ count: UInt64, what: String) throws(CheckpointError) {
        guard count <= UInt64(remaining) else {
            throw fail("\(what) of \(count) bytes runs past the end of the file (\(remaining) bytes left)")
        }
        offset += Int(count)
    }

    /// A length-prefixed string: kept when at most `keep` bytes, otherwise skipped (`nil`).
    mutating func string(keep: Int, what: String) throws(CheckpointError) -> String? {
        let start = offset
        let length = try u64()
        guard length <= UInt64(remaining) else {
            throw fail("\(what) of \(length) bytes runs past the end of the file (\(remaining) bytes left)", at: start)
        }
        guard length <= UInt64(keep) else {
            offset += Int(length)
            return nil
        }
        try ensure(Int(length))
        let slice = buffer[(offset - bufferStart)..<(offset - bufferStart + Int(length))]
        offset += Int(length)
        return String(decoding: slice, as: UTF8.self)
    }
}
