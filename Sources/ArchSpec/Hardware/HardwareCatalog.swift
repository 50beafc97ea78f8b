/// The built-in hardware profiles, by kebab-case id, and lookup by id or YAML file.
///
/// A registry is a `static let all` array (no mutable globals). Every figure in a built-in profile names its
/// datasheet; `HardwareCatalogTests` checks that no profile is missing a figure or a source.
public enum HardwareCatalog {
    /// Every built-in profile, in the order `archcalc hardware list` prints them.
    public static let all: [HardwareProfile] = [
        h100SXM, h100PCIe, h200, b200, a100_40, a100_80, l40s, l4, a10g, rtx4090, mi300x, tpuV5e, m2Ultra, cpu,
        b300, gb300, gb200, h20, rtx5090, rtxPro6000, dgxSpark, mi325x, mi355x, gaudi3, tpuV6e, tpu7x, trainium2,
        strixHalo, m4Max, m3Ultra,
    ]

    /// The built-in profile with `id`, or `nil`.
    public static func profile(id: String) -> HardwareProfile? {
        all.first { $0.id == id.lowercased() }
    }

    /// A built-in id, or else a path to a profile YAML file.
    ///
    /// - Parameter reference: An id (`h100-sxm`) or a path ending in `.yaml`/`.yml`/`.json`.
    /// - Returns: The profile.
    /// - Throws: `HardwareError.unknownID` (with the closest ids) or a loading error from `HardwareLoader`.
    public static func resolve(_ reference: String) throws(HardwareError) -> HardwareProfile {
        if let builtIn = profile(id: reference) { return builtIn }
        let lower = reference.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json") || reference.contains("/") {
            return try HardwareLoader.load(path: reference)
        }
        throw .unknownID(reference, suggestions: suggestions(for: lower))
    }

    /// Built-in ids closest to `text` by edit distance, best first.
    static func suggestions(for text: String) -> [String] {
        let prefixed = all.map(\.id).filter { $0.hasPrefix(text) || text.hasPrefix($0) }
        if !text.isEmpty, !prefixed.isEmpty { return prefixed }
        let scored = all.map { ($0.id, EditDistance.between(text, $0.id)) }
        let best = scored.map(\.1).min() ?? 0
        return scored.filter { $0.1 <= max(best, 2) && $0.1 <= 4 }.map(\.0)
    }
}
