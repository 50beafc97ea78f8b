/// A JSON value parsed without Foundation (so booleans and numbers never blur), for schema checks in tests.
indirect enum TestJSON: Hashable, CustomStringConvertible {
    case null, bool(Bool), number(Double), string(String), array([TestJSON]), object([String: TestJSON])

    subscript(key: String) -> TestJSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array(let items): "[\(items.count) items]"
        case .object(let members): "{\(members.keys.sorted().joined(separator: ", "))}"
        }
    }

    func has(type: String) -> Bool {
        switch (type, self) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
             ("number", .number): true
        case ("integer", .number(let value)): value == value.rounded()
        default: false
        }
    }

    struct ParseError: Error {}

    static func parse(_ text: String) throws -> TestJSON {
        var parser = Parser(scalars: Array(text.unicodeScalars))
        let value = try parser.value()
        parser.skipSpace()
        guard parser.index == parser.scalars.count else { throw ParseError() }
        return value
    }

    struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        mutating func skipSpace() {
            while index < scalars.count, [" ", "\n", "\r", "\t"].contains(scalars[index]) { index += 1 }
        }

        mutating func expect(_ literal: String) throws {
            for scalar in literal.unicodeScalars {
                guard index < scalars.count, scalars[index] == scalar else { throw ParseError() }
                index += 1
            }
        }

        mutating func value() throws -> TestJSON {
            skipSpace()
            guard index < scalars.count else { throw ParseError() }
            switch scalars[index] {
            case "{":
                index += 1
                var members: [String: TestJSON] = [:]
                skipSpace()
                if scalars[index] == "}" { index += 1; return .object(members) }
                while true {
                    skipSpace()
                    guard case .string(let key) = try value() else { throw ParseError() }
                    skipSpace()
                    try expect(":")
                    guard members.updateValue(try value(), forKey: key) == nil else { throw ParseError() }
                    skipSpace()
                    if scalars[index] == "," { index += 1; continue }
                    try expect("}")
                    return .object(members)
                }
            case "[":
                index += 1
                var items: [TestJSON] = []
                skipSpace()
                if scalars[index] == "]" { index += 1; return .array(items) }
                while true {
                    items.append(try value())
                    skipSpace()
                    if scalars[index] == "," { index += 1; continue }
                    try expect("]")
                    return .array(items)
                }
            case "\"": return .string(try string())
            case "t": try expect("true"); return .bool(true)
            case "f": try expect("false"); return .bool(false)
            case "n": try expect("null"); return .null
            default:
                let start = index
                while index < scalars.count, "+-0123456789.eE".unicodeScalars.contains(scalars[index]) { index += 1 }
                guard let number = Double(String(String.UnicodeScalarView(scalars[start..<index]))) else { throw ParseError() }
                return .number(number)
            }
        }

        mutating func string() throws -> String {
            index += 1
            var result = String.UnicodeScalarView()
            while index < scalars.count, scalars[index] != "\"" {
                var scalar = scalars[index]
                if scalar == "\\" {
                    index += 1
                    guard index < scalars.count else { throw ParseError() }
                    switch scalars[index] {
                    case "n": scalar = "\n"
                    case "t": scalar = "\t"
                    case "r": scalar = "\r"
                    case "b": scalar = "\u{8}"
                    case "f": scalar = "\u{C}"
                    case "u":
                        let hex = String(String.UnicodeScalarView(scalars[(index + 1)..<min(index + 5, scalars.count)]))
                        guard let code = UInt32(hex, radix: 16) else { throw ParseError() }
                        scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                        index += 4
                    default: scalar = scalars[index]
                    }
                } else if scalar.value < 0x20 {
                    throw ParseError()
                }
                result.append(scalar)
                index += 1
            }
            try expect("\"")
            return String(result)
        }
    }
}
