/// Decides whether a file found by a directory scan is something to lint: an archspec (`archspec:` key), or a
/// Hugging Face `config.json` (`model_type` key).
enum SpecDetection {
    private static let archspecMarker = Array("archspec".utf8)
    private static let modelTypeMarker = Array("model_type".utf8)

    /// A cheap byte scan: files without the marker word are skipped before parsing.
    static func mayBeSpec(_ bytes: [UInt8], huggingFace: Bool) -> Bool {
        contains(bytes, huggingFace ? modelTypeMarker : archspecMarker)
    }

    /// Whether the composed document is an archspec, or (for `config.json`) a Hugging Face config.
    static func isSpec(_ document: YAMLDocument, huggingFace: Bool) -> Bool {
        huggingFace ? HFImport.isHFConfig(document) : document.root?.mapping?["archspec"] != nil
    }

    static func contains(_ bytes: [UInt8], _ marker: [UInt8]) -> Bool {
        guard let first = marker.first, bytes.count >= marker.count else { return false }
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
}
