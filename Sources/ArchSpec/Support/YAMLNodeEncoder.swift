/// Encodes `Encodable` values into a `YAMLOutput` tree for `YAMLEmitter`, writing scalars as Yams 6.2.2's
/// `YAMLEncoder` did (`YAMLScalarText`), so profiles written before read and compare the same.
///
/// Keyed values keep their encoding order; a key encoded twice keeps its first place and its last value.
/// `nil` written explicitly is `null`; `encodeIfPresent` of `nil` writes nothing, as synthesized `Codable` does.
struct YAMLNodeEncoder {
    func encode<T: Encodable>(_ value: T) throws -> YAMLOutput {
        let root = OutputBox()
        try value.encode(to: NodeEncoder(box: root, codingPath: []))
        return root.output
    }
}

/// A node under construction: containers hand out child boxes and the tree is read once encoding is done.
private final class OutputBox {
    enum Content {
        case empty
        case scalar(String, YAMLOutput.Style)
        case sequence([OutputBox])
        case mapping([(key: String, box: OutputBox)])
    }

    var content = Content.empty

    /// The finished tree; a value that encoded nothing is an empty mapping, as in Yams.
    var output: YAMLOutput {
        switch content {
        case .empty: .mapping([])
        case .scalar(let text, let style): .scalar(text, style)
        case .sequence(let items): .sequence(items.map(\.output))
        case .mapping(let entries): .mapping(entries.map { YAMLOutput.Entry(key: $0.key, value: $0.box.output) })
        }
    }

    /// The box for `key`, created in order on first use.
    func child(forKey key: String) -> OutputBox {
        guard case .mapping(var entries) = content else { return OutputBox() }
        if let existing = entries.first(where: { $0.key == key }) {
            existing.box.content = .empty
            return existing.box
        }
        let box = OutputBox()
        entries.append((key, box))
        content = .mapping(entries)
        return box
    }

    /// A new box at the end of the sequence.
    func appended() -> OutputBox {
        guard case .sequence(var items) = content else { return OutputBox() }
        let box = OutputBox()
        items.append(box)
        content = .sequence(items)
        return box
    }

    var count: Int {
        if case .sequence(let items) = content { return items.count }
        return 0
    }
}

private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

private struct NodeEncoder: Encoder {
    let box: OutputBox
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .mapping = box.content {} else { box.content = .mapping([]) }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .sequence = box.content {} else { box.content = .sequence([]) }
        return UnkeyedNodeContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleNodeContainer(box: box, codingPath: codingPath) }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: OutputBox
    let codingPath: [any CodingKey]

    private func encoder(_ key: any CodingKey) -> NodeEncoder {
        NodeEncoder(box: box.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }

    func encodeNil(forKey key: Key) throws {
        var single = encoder(key).singleValueContainer()
        try single.encodeNil()
    }

    func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        var single = encoder(key).singleValueContainer()
        try single.encode(value)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey> {
        encoder(key).container(keyedBy: keyType)
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { encoder(key).unkeyedContainer() }

    func superEncoder() -> any Encoder { encoder(SuperKey()) }
    func superEncoder(forKey key: Key) -> any Encoder { encoder(key) }
}

private struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let box: OutputBox
    let codingPath: [any CodingKey]
    var count: Int { box.count }

    private func encoder() -> NodeEncoder {
        let key = IndexKey(box.count)
        return NodeEncoder(box: box.appended(), codingPath: codingPath + [key])
    }

    mutating func encodeNil() throws {
        var single = encoder().singleValueContainer()
        try single.encodeNil()
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        var single = encoder().singleValueContainer()
        try single.encode(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        encoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { encoder().unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { encoder() }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let box: OutputBox
    let codingPath: [any CodingKey]

    private func set(_ text: String, _ style: YAMLOutput.Style = .any) { box.content = .scalar(text, style) }

    mutating func encodeNil() throws { set("null") }
    mutating func encode(_ value: Bool) throws { set(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { set(value, YAMLScalarText.readsAsString(value) ? .any : .singleQuoted) }
    mutating func encode(_ value: Double) throws { set(YAMLScalarText.double(value)) }
    mutating func encode(_ value: Float) throws { set(YAMLScalarText.float(value)) }
    mutating func encode(_ value: Int) throws { set(String(value)) }
    mutating func encode(_ value: Int8) throws { set(String(value)) }
    mutating func encode(_ value: Int16) throws { set(String(value)) }
    mutating func encode(_ value: Int32) throws { set(String(value)) }
    mutating func encode(_ value: Int64) throws { set(String(value)) }
    mutating func encode(_ value: UInt) throws { set(String(value)) }
    mutating func encode(_ value: UInt8) throws { set(String(value)) }
    mutating func encode(_ value: UInt16) throws { set(String(value)) }
    mutating func encode(_ value: UInt32) throws { set(String(value)) }
    mutating func encode(_ value: UInt64) throws { set(String(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        switch value {
        case let value as String: try encode(value)
        case let value as Double: try encode(value)
        case let value as Float: try encode(value)
        case let value as Bool: try encode(value)
        case let value as Int: try encode(value)
        default: try value.encode(to: NodeEncoder(box: box, codingPath: codingPath))
        }
    }
}
