import ArchSpec

/// Tests spell codes as outputs print them (`"AC103"`, `"unknown-key"`); the library uses the typed cases.
extension DiagnosticCode: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
}
