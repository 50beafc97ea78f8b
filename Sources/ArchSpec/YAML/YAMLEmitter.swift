import CYaml

/// Writes a `YAMLOutput` tree as one block-style YAML document through libyaml's emitter, which picks each
/// scalar's style from its content (plain only where the text reads back unchanged) and escapes what must be.
public struct YAMLEmitter: Sendable {
    /// Longest line before libyaml folds a plain or quoted scalar at a space; `nil`: never fold. libyaml's
    /// default is 80.
    public var width: Int?
    /// Whether non-ASCII characters are written as they are; `false` writes them as double-quoted escapes.
    public var allowsUnicode: Bool

    public init(width: Int? = 80, allowsUnicode: Bool = false) {
        self.width = width
        self.allowsUnicode = allowsUnicode
    }

    /// The document's text.
    ///
    /// - Throws: `YAMLError.syntax` when libyaml refuses an event (it does not for trees this type can hold,
    ///   short of running out of memory), `.tooLarge` for a scalar over 2 GiB.
    public func text(_ root: YAMLOutput) throws(YAMLError) -> String {
        let sink = EmitterSink()
        let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
        emitter.initialize(to: yaml_emitter_t())
        defer { emitter.deinitialize(count: 1); emitter.deallocate() }
        guard yaml_emitter_initialize(emitter) == 1 else { throw .syntax("out of memory", Self.start) }
        defer { yaml_emitter_delete(emitter) }
        yaml_emitter_set_output(emitter, { context, buffer, size in
            guard let context, let buffer else { return 0 }
            let sink = Unmanaged<EmitterSink>.fromOpaque(context).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            return 1
        }, Unmanaged.passUnretained(sink).toOpaque())
        yaml_emitter_set_width(emitter, Int32(clamping: width ?? -1))
        yaml_emitter_set_unicode(emitter, allowsUnicode ? 1 : 0)
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)
        yaml_emitter_set_encoding(emitter, YAML_UTF8_ENCODING)
        try EventWriter(emitter: emitter).document(root)
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    static let start = SourceLocation(line: 1, column: 1)
}

/// The bytes libyaml hands back.
private final class EmitterSink {
    var bytes: [UInt8] = []
}

/// Feeds one document's events to an emitter.
private struct EventWriter {
    let emitter: UnsafeMutablePointer<yaml_emitter_t>

    func document(_ root: YAMLOutput) throws(YAMLError) {
        var event = yaml_event_t()
        yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
        try emit(&event)
        yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
        try emit(&event)
        try node(root)
        yaml_document_end_event_initialize(&event, 1)
        try emit(&event)
        yaml_stream_end_event_initialize(&event)
        try emit(&event)
        guard yaml_emitter_flush(emitter) == 1 else { throw failure() }
    }

    private func node(_ node: YAMLOutput) throws(YAMLError) {
        var event = yaml_event_t()
        switch node {
        case .scalar(let text, let style):
            try scalar(text, style)
        case .sequence(let items):
            yaml_sequence_start_event_initialize(&event, nil, nil, 1, YAML_ANY_SEQUENCE_STYLE)
            try emit(&event)
            for item in items { try self.node(item) }
            yaml_sequence_end_event_initialize(&event)
            try emit(&event)
        case .mapping(let entries):
            yaml_mapping_start_event_initialize(&event, nil, nil, 1, YAML_ANY_MAPPING_STYLE)
            try emit(&event)
            for entry in entries {
                try scalar(entry.key, .any)
                try self.node(entry.value)
            }
            yaml_mapping_end_event_initialize(&event)
            try emit(&event)
        }
    }

    private func scalar(_ text: String, _ style: YAMLOutput.Style) throws(YAMLError) {
        var event = yaml_event_t()
        let libyamlStyle = switch style {
        case .any: YAML_ANY_SCALAR_STYLE
        case .singleQuoted: YAML_SINGLE_QUOTED_SCALAR_STYLE
        case .doubleQuoted: YAML_DOUBLE_QUOTED_SCALAR_STYLE
        }
        // libyaml copies the value; the terminating zero keeps the pointer valid for an empty one.
        var bytes = Array(text.utf8) + [0]
        guard bytes.count <= Int(Int32.max) else { throw .tooLarge(bytes: bytes.count, limit: Int(Int32.max)) }
        let made = bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_scalar_event_initialize(&event, nil, nil, buffer.baseAddress, Int32(buffer.count - 1), 1, 1, libyamlStyle)
        }
        guard made == 1 else { throw .syntax("out of memory", YAMLEmitter.start) }
        try emit(&event)
    }

    private func emit(_ event: inout yaml_event_t) throws(YAMLError) {
        guard yaml_emitter_emit(emitter, &event) == 1 else { throw failure() }
    }

    private func failure() -> YAMLError {
        .syntax(emitter.pointee.problem.map { String(cString: $0) } ?? "cannot write YAML", YAMLEmitter.start)
    }
}
