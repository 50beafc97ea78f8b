import ArchSpec
import Foundation
import Testing

/// The reference data in `Tests/Fixtures/hf/reference/EXPECTED.json`: parameter totals transformers counts on
/// the meta device for each config (published and re-saved forms), and the cache sizes measured on tiny configs.
enum HFReference {
    struct Entry: Sendable, CustomTestStringConvertible {
        var file: String
        var modelType: String
        var form: String
        var total: Int128
        var active: Int128
        var vision: Int128
        /// Prompt length -> measured cache bytes (fp32, one sequence), for tiny configs.
        var cacheBytes: [Int: Int128]
        var testDescription: String { file }
        var path: String { "\(ArchFixtures.root)/Tests/Fixtures/hf/\(file)" }
    }

    static var raw: [[String: Any]] {
        let path = "\(ArchFixtures.root)/Tests/Fixtures/hf/reference/EXPECTED.json"
        guard let data = FileManager.default.contents(atPath: path),
              let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [] }
        return list
    }

    /// Entries transformers could count (failures have no total), one per file, whose file is in this checkout.
    static let entries: [Entry] = {
        var seen = Set<String>(), result: [Entry] = []
        for item in raw {
            guard let file = item["file"] as? String, let total = (item["total"] as? NSNumber)?.int64Value,
                  !seen.contains(file) else { continue }
            seen.insert(file)
            var cache: [Int: Int128] = [:]
            if let lengths = (item["cache"] as? [String: Any])?["prompt_lengths"] as? [String: Any] {
                for (length, value) in lengths {
                    if let n = Int(length), let bytes = ((value as? [String: Any])?["bytes"] as? NSNumber)?.int64Value {
                        cache[n] = Int128(bytes)
                    }
                }
            }
            let entry = Entry(file: file, modelType: item["model_type"] as? String ?? "", form: item["form"] as? String ?? "",
                              total: Int128(total), active: Int128((item["active"] as? NSNumber)?.int64Value ?? total),
                              vision: Int128((item["vision"] as? NSNumber)?.int64Value ?? 0), cacheBytes: cache)
            if FileManager.default.fileExists(atPath: entry.path) { result.append(entry) }
        }
        return result
    }()

    /// Model types archcalc refuses, with the reason in its error (LFM2's short convolution).
    static let refused: Set<String> = []

    static var counted: [Entry] { entries.filter { !refused.contains($0.modelType) } }
    static var tiny: [Entry] { counted.filter { $0.form == "tiny" && !$0.cacheBytes.isEmpty } }


    /// Tiny configs whose sliding or chunked layers transformers caches with one token fewer than archcalc's
}
