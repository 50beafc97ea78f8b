import CYaml

/// Composes a `YAMLDocument` from libyaml's event stream, iteratively (no recursion, so nesting cannot
/// overflow the stack), resolving aliases against an expansion budget and keeping duplicate keys as findings.
public enum YAMLComposer {
    /// Parses UTF-8 text.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - limits: Size, node and depth limits.
    /// - Returns: The document.
    /// - Throws: `YAMLError` for input that is not a single well-formed YAML document within the limits.
    public static func compose(_ bytes: [UInt8], limits: YAMLLimits = .default) throws(YAMLError) -> YAMLDocument {
        guard bytes.count <= limits.maxBytes else { throw .tooLarge(bytes: bytes.count, limit: limits.maxBytes) }
        if let offset = TextCheck.firstInvalidByte(bytes) {
            throw .notText(TextCheck.location(ofByte: offset, in: bytes))
        }
        var state = ComposerState(limits: limits)
        let result: Result<YAMLNode?, YAMLError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(.syntax("out of memory", SourceLocation(line: 1, column: 1)))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            do {
                return .success(try state.run(&parser))
            } catch let error as YAMLError {
                return .failure(error)
            } catch {
                return .failure(.syntax("\(error)", SourceLocation(line: 1, column: 1)))
            }
        }
        let root = try result.get()
        let lines = LineBreaks.lines(in: bytes)
        return YAMLDocument(
            root: root, duplicateKeys: state.duplicates,
            anchors: state.anchorOrder.map { name in
                let entry = state.anchors[name]!
                return YAMLDocument.Anchor(name: name, location: entry.location, uses: entry.uses)
            },
            comments: CommentScanner.comments(in: bytes, lines: lines), lines: lines)
    }

    /// Parses a string.
    public static func compose(_ text: String, limits: YAMLLimits = .default) throws(YAMLError) -> YAMLDocument {
        try compose(Array(text.utf8), limits: limits)
    }
}
