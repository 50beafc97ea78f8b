/// Decides whether a YAML file found by a directory scan is an archspec.
enum SpecDetection {
    private static let marker = Array("archspec".utf8)

    /// A cheap byte scan: files without the word `archspec` are skipped before parsing.
    static func mayBeSpec(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= marker.count else { return false }
        let first = marker[0]
        var index = 0
        let last = bytes.count - marker.count
        while index <= last {
            if bytes[index] == first {
                var match = true
                for offset in 1..<marker.count where bytes[index + offset] != marker[offset] {
                    match = false
                    break
                }
                if match { return true }
            }
            index += 1
        }
        return false
    }

    /// Whether the document's top level is a mapping with an `archspec` key.
    static func isSpec(_ document: YAMLDocument) -> Bool {
        document.root?.mapping?["archspec"] != nil
    }
}
