/// A YAML tree to write: what `YAMLNodeEncoder` builds from a `Codable` value and `YAMLEmitter` turns into text.
///
/// Unlike `YAMLNode` it has no positions; a scalar carries the style it must be written in, or `.any` to let the
/// emitter pick the plainest style that reads back as the same text.
public indirect enum YAMLOutput: Hashable, Sendable {
    /// Text and its style.
    case scalar(String, Style)
    /// Items in order.
    case sequence([YAMLOutput])
    /// Entries in order; keys are written as plain text where that is safe (as `.any` scalars).
    case mapping([Entry])

    /// How a scalar is written.
    public enum Style: Hashable, Sendable {
        /// The emitter's choice: plain where the text allows it, else single- or double-quoted.
        case any
        case singleQuoted
        case doubleQuoted
    }

    /// One key and its value.
    public struct Entry: Hashable, Sendable {
        public var key: String
        public var value: YAMLOutput

        public init(key: String, value: YAMLOutput) {
            self.key = key
            self.value = value
        }
    }

    /// The tree with every scalar (keys excluded) for which `select` holds written in `style`.
    public func restyling(_ style: Style, where select: (String) -> Bool) -> YAMLOutput {
        switch self {
        case .scalar(let text, let current): .scalar(text, select(text) ? style : current)
        case .sequence(let items): .sequence(items.map { $0.restyling(style, where: select) })
        case .mapping(let entries):
            .mapping(entries.map { Entry(key: $0.key, value: $0.value.restyling(style, where: select)) })
        }
    }
}
