/// Decodes `Decodable` values from archcalc's own composed `YAMLNode` tree, so a profile is parsed once, by
/// the composer with its limits, and errors carry the coding path that `DecodingFailure` locates.
///
/// Scalars follow the YAML 1.2 core schema as Yams writes it: `null`/`~`/empty for nil, `true`/`false`,
/// decimal integers, floats including `.inf`, `-.inf` and `.nan`; any scalar decodes as a string.
struct YAMLNodeDecoder {
    func decode<T: Decodable>(_ type: T.Type, from node: YAMLNode) throws -> T {
        try T(from: NodeDecoder(node: node, codingPath: []))
    }
}

private struct NodeDecoder: Decoder {
    let node: YAMLNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else {
            throw DecodingError.typeMismatch([String: Any].self, .init(codingPath: codingPath, debugDescription: "not a mapping"))
        }
        return KeyedDecodingContainer(KeyedNodeContainer<Key>(mapping: mapping, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else {
            throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: "not a list"))
        }
        return UnkeyedNodeContainer(items: sequence.items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleNodeContainer(node: node, codingPath: codingPath) }
}

/// Index keys for list positions.
private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let entries: [String: YAMLNode]
    let codingPath: [any CodingKey]
    let allKeys: [Key]

    init(mapping: YAMLMapping, codingPath: [any CodingKey]) {
        var entries: [String: YAMLNode] = [:]
        for entry in mapping.entries { if let name = entry.name, entries[name] == nil { entries[name] = entry.value } }
        self.entries = entries
        self.codingPath = codingPath
        allKeys = mapping.entries.compactMap { $0.name.flatMap(Key.init(stringValue:)) }
    }

    func contains(_ key: Key) -> Bool { entries[key.stringValue] != nil }

    private func child(_ key: Key) throws -> YAMLNode {
        guard let node = entries[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
        }
        return node
    }

    func decodeNil(forKey key: Key) throws -> Bool { isNull(try child(key)) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try T(from: NodeDecoder(node: try child(key), codingPath: codingPath + [key]))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let node = entries[key.stringValue], !isNull(node) else { return nil }
        return try T(from: NodeDecoder(node: node, codingPath: codingPath + [key]))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey> {
        try NodeDecoder(node: try child(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try NodeDecoder(node: try child(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    /// The value under `super`, as `JSONDecoder` does.
    func superDecoder() throws -> any Decoder {
        guard let key = Key(stringValue: "super") else { throw unsupported() }
        return try superDecoder(forKey: key)
    }

    /// The value under `key` as a decoder of its own (a figure's `value` that may be a number or a string).
    func superDecoder(forKey key: Key) throws -> any Decoder {
        NodeDecoder(node: try child(key), codingPath: codingPath + [key])
    }

    private func unsupported() -> DecodingError {
        .dataCorrupted(.init(codingPath: codingPath, debugDescription: "unsupported"))
    }
}

private struct UnkeyedNodeContainer: UnkeyedDecodingContainer {
    let items: [YAMLNode]
    let codingPath: [any CodingKey]
    var currentIndex = 0
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    init(items: [YAMLNode], codingPath: [any CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    private mutating func next() throws -> (YAMLNode, [any CodingKey]) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "end of list"))
        }
        defer { currentIndex += 1 }
        return (items[currentIndex], codingPath + [IndexKey(currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, isNull(items[currentIndex]) else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (node, path) = try next()
        return try T(from: NodeDecoder(node: node, codingPath: path))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (node, path) = try next()
        return try NodeDecoder(node: node, codingPath: path).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (node, path) = try next()
        return try NodeDecoder(node: node, codingPath: path).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (node, path) = try next()
        return NodeDecoder(node: node, codingPath: path)
    }
}

private struct SingleNodeContainer: SingleValueDecodingContainer {
    let node: YAMLNode
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { isNull(node) }

    private func scalar<T>(_ type: T.Type, _ parse: (String) -> T?) throws -> T {
        guard case .scalar(let scalar) = node else {
            throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "not a scalar"))
        }
        if let value = parse(scalar.value) { return value }
        throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "wrong scalar"))
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        try scalar(type) { ["true", "True", "TRUE"].contains($0) ? true : ["false", "False", "FALSE"].contains($0) ? false : nil }
    }

    func decode(_ type: String.Type) throws -> String { try scalar(type) { $0 } }
    func decode(_ type: Double.Type) throws -> Double { try scalar(type, parseFloat) }
    func decode(_ type: Float.Type) throws -> Float { Float(try scalar(Double.self, parseFloat)) }
    func decode(_ type: Int.Type) throws -> Int { try scalar(type) { Int($0) } }
    func decode(_ type: Int8.Type) throws -> Int8 { try scalar(type) { Int8($0) } }
    func decode(_ type: Int16.Type) throws -> Int16 { try scalar(type) { Int16($0) } }
    func decode(_ type: Int32.Type) throws -> Int32 { try scalar(type) { Int32($0) } }
    func decode(_ type: Int64.Type) throws -> Int64 { try scalar(type) { Int64($0) } }
    func decode(_ type: UInt.Type) throws -> UInt { try scalar(type) { UInt($0) } }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar(type) { UInt8($0) } }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar(type) { UInt16($0) } }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar(type) { UInt32($0) } }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar(type) { UInt64($0) } }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: NodeDecoder(node: node, codingPath: codingPath)) }
}

/// `null`, `~` or an empty plain scalar.
private func isNull(_ node: YAMLNode) -> Bool {
    guard case .scalar(let scalar) = node, !scalar.isQuoted else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.value)
}

/// A YAML float: decimal or exponent notation, `.inf`, `-.inf`, `.nan` (any case).
private func parseFloat(_ text: String) -> Double? {
    switch text.lowercased() {
    case ".inf", "+.inf": return .infinity
    case "-.inf": return -.infinity
    case ".nan": return .nan
    default:
        guard text.utf8.count <= 64, let first = text.utf8.first,
              first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return nil }
        return Double(text)
    }
}
