/// One tensor as a checkpoint header declares it: nothing of its data is read.
public struct TensorEntry: Hashable, Sendable {
    /// The tensor's name as stored (`model.layers.0.self_attn.q_proj.weight`, `blk.0.attn_q.weight`).
    public var name: String
    /// The stored type (`BF16`, `U32`, `Q4_K`).
    public var type: StoredType
    /// Dimensions as the file lists them (safetensors: outermost first; GGUF: `ne`, innermost first).
    public var shape: [Int]
    /// Stored elements: the product of the shape (for packed safetensors types, packed values, not weights).
    public var elements: Int128
    /// Bytes of data on disk.
    public var bytes: Int128
    /// Index of the file holding it, into the checkpoint's file list.
    public var file: Int

    /// Checked product of a shape; `nil` on overflow past 2^100 (no real tensor comes near).
    static func product(_ shape: [Int]) -> Int128? {
        var total: Int128 = 1
        for dimension in shape {
            guard dimension >= 0 else { return nil }
            let (next, overflow) = total.multipliedReportingOverflow(by: Int128(dimension))
            guard !overflow, next < (Int128(1) << 100) else { return nil }
            total = next
        }
        return total
    }
}

/// Why a checkpoint could not be read: one located message (file, and a byte offset or line and column).
public struct CheckpointError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it (or the shard's path).
    public var file: String
    /// Line and column, for JSON text.
    public var location: SourceLocation?
    /// Byte offset in a binary header, when there is one.
    public var offset: Int?
    public var message: String

    public init(file: String, location: SourceLocation? = nil, offset: Int? = nil, _ message: String) {
        self.file = file
        self.location = location
        self.offset = offset
        self.message = message
    }

    /// The message with its byte offset, as a diagnostic carries it.
    public var located: String { offset.map { "byte \($0): \(message)" } ?? message }

    public var description: String {
        let position = location.map { "\(file):\($0.line):\($0.column)" } ?? file
        return "\(position): \(located)"
    }

    var diagnostic: Diagnostic {
        Diagnostic(severity: .error, code: .load(.fileError), message: located, file: file, location: location)
    }
}
