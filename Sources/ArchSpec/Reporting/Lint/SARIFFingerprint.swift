/// SARIF `partialFingerprints`: what code scanning uses to tell whether a result is the one it saw before.
///
/// The value hashes (64-bit FNV-1a, the same on every machine and run) the rule, the file relative to the
/// repository root, where in the file (the key path, else the line) and the message, then appends the
/// occurrence of that hash in the log (`:1`, `:2`, ...), as GitHub's own `primaryLocationLineHash` does. So the
/// same result gets the same fingerprint from any working directory, and two results of one log never share one
/// (`--tp 3,5` gives two messages and two fingerprints).
public enum SARIFFingerprint {
    /// The `partialFingerprints` key.
    public static let key = "archcalcLogicalKey/v2"

    /// `hash:occurrence` values in log order.
    public struct Counter: Sendable {
        var seen: [String: Int] = [:]

        public init() {}

        /// The next result's fingerprint; `path` is the file as CI names it (`LintRun.ciPath`).
        public mutating func next(_ finding: LintFinding, path: String) -> String {
            let diagnostic = finding.diagnostic
            let anchor = diagnostic.keyPath ?? diagnostic.location.map { "line \($0.line)" } ?? ""
            let hash = SARIFFingerprint.hash([diagnostic.code.rawValue, path, anchor, diagnostic.message])
            let occurrence = (seen[hash] ?? 0) + 1
            seen[hash] = occurrence
            return "\(hash):\(occurrence)"
        }
    }

    /// 64-bit FNV-1a of the fields, each followed by a zero byte, as 16 hex digits.
    public static func hash(_ fields: [String]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for field in fields {
            for byte in field.utf8 + [0] {
                value ^= UInt64(byte)
                value = value &* 0x0000_0100_0000_01B3
            }
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
