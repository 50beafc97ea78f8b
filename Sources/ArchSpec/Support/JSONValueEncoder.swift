/// Encodes any `Encodable` value as a `JSONValue`, keys in the order the value encodes them.
///
/// This is how `Codable` types (hardware profiles, calibration results) reach the one JSON writer: integers
/// stay exact, doubles print as `JSONValue` prints them (no `66900000000000.01`), strings go through its
/// escaping, and `nil` optionals encoded with `encodeIfPresent` are left out.
public enum JSONValueEncoder {
    /// The value as a JSON tree.
    ///
    /// - Throws: What the value's `encode(to:)` throws.
    public static func encode(_ value: some Encodable) throws -> JSONValue {
        let box = Box()
        try value.encode(to: TreeEncoder(box: box, codingPath: []))
        return box.value
    }

    /// One node under construction: a scalar, or an ordered object or array of child nodes.
    final class Box {
        enum Content { case value(JSONValue), object([(String, Box)]), array([Box]) }
        var content: Content = .value(.null)

        var value: JSONValue {
            switch content {
            case .value(let value): value
            case .object(let members): .object(members.map { ($0.0, $0.1.value) })
            case .array(let items): .array(items.map(\.value))
            }
        }

        func child(forKey key: String) -> Box {
            var members: [(String, Box)] = []
            if case .object(let existing) = content { members = existing }
            if let found = members.first(where: { $0.0 == key }) { return found.1 }
            let box = Box()
            members.append((key, box))
            content = .object(members)
            return box
        }

        func appended() -> Box {
            var items: [Box] = []
            if case .array(let existing) = content { items = existing }
            let box = Box()
            items.append(box)
            content = .array(items)
            return box
        }

        func makeObject() { if case .object = content {} else { content = .object([]) } }
        func makeArray() { if case .array = content {} else { content = .array([]) } }
        var count: Int { if case .array(let items) = content { items.count } else { 0 } }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue }
        init(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
    }

    struct TreeEncoder: Encoder {
        let box: Box
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<K: CodingKey>(keyedBy type: K.Type) -> KeyedEncodingContainer<K> {
            box.makeObject()
            return KeyedEncodingContainer(Keyed<K>(box: box, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            box.makeArray()
            return Unkeyed(box: box, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(box: box, codingPath: codingPath) }
    }

    static func scalar(_ value: some Encodable, into box: Box, codingPath: [any CodingKey]) throws {
        switch value {
        case let v as String: box.content = .value(.string(v))
        case let v as Bool: box.content = .value(.bool(v))
        case let v as Double: box.content = .value(.double(v))
        case let v as Float: box.content = .value(.double(Double(v)))
        case let v as Int: box.content = .value(.int(Int128(v)))
        case let v as Int8: box.content = .value(.int(Int128(v)))
        case let v as Int16: box.content = .value(.int(Int128(v)))
        case let v as Int32: box.content = .value(.int(Int128(v)))
        case let v as Int64: box.content = .value(.int(Int128(v)))
        case let v as Int128: box.content = .value(.int(v))
        case let v as UInt: box.content = .value(.int(Int128(v)))
        case let v as UInt8: box.content = .value(.int(Int128(v)))
        case let v as UInt16: box.content = .value(.int(Int128(v)))
        case let v as UInt32: box.content = .value(.int(Int128(v)))
        case let v as UInt64: box.content = .value(.int(Int128(v)))
        case let v as JSONValue: box.content = .value(v)
        default: try value.encode(to: TreeEncoder(box: box, codingPath: codingPath))
        }
    }

    struct Keyed<K: CodingKey>: KeyedEncodingContainerProtocol {
        let box: Box
        var codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: K) throws { box.child(forKey: key.stringValue).content = .value(.null) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: K) throws {
            try JSONValueEncoder.scalar(value, into: box.child(forKey: key.stringValue), codingPath: codingPath + [key])
        }

        mutating func nestedContainer<N: CodingKey>(keyedBy type: N.Type, forKey key: K) -> KeyedEncodingContainer<N> {
            let child = box.child(forKey: key.stringValue)
            child.makeObject()
            return KeyedEncodingContainer(Keyed<N>(box: child, codingPath: codingPath + [key]))
        }

        mutating func nestedUnkeyedContainer(forKey key: K) -> any UnkeyedEncodingContainer {
            let child = box.child(forKey: key.stringValue)
            child.makeArray()
            return Unkeyed(box: child, codingPath: codingPath + [key])
        }

        mutating func superEncoder() -> any Encoder { TreeEncoder(box: box.child(forKey: "super"), codingPath: codingPath) }
        mutating func superEncoder(forKey key: K) -> any Encoder {
            TreeEncoder(box: box.child(forKey: key.stringValue), codingPath: codingPath + [key])
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let box: Box
        var codingPath: [any CodingKey]
        var count: Int { box.count }

        mutating func encodeNil() throws { box.appended().content = .value(.null) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            let key = Key(intValue: count)
            try JSONValueEncoder.scalar(value, into: box.appended(), codingPath: codingPath + [key])
        }

        mutating func nestedContainer<N: CodingKey>(keyedBy type: N.Type) -> KeyedEncodingContainer<N> {
            let child = box.appended()
            child.makeObject()
            return KeyedEncodingContainer(Keyed<N>(box: child, codingPath: codingPath))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = box.appended()
            child.makeArray()
            return Unkeyed(box: child, codingPath: codingPath)
        }

        mutating func superEncoder() -> any Encoder { TreeEncoder(box: box.appended(), codingPath: codingPath) }
    }

    struct Single: SingleValueEncodingContainer {
        let box: Box
        var codingPath: [any CodingKey]

        mutating func encodeNil() throws { box.content = .value(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try JSONValueEncoder.scalar(value, into: box, codingPath: codingPath)
        }
    }
}
