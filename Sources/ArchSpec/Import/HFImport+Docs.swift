/// The model-type table as it appears in `docs/spec-format.md` (a test checks the file against it).
extension HFImport {
    /// Markdown rows, one per supported model type: configuration class, defaults for absent keys, and how the
    /// type is read (refused types say why).
    public static var documentationTable: String {
        var lines = [
            "| model_type | class | vocab | hidden | layers | heads | kv_heads | intermediate | positions | tied | read as |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for family in HFFamily.all {
            let kv = family.kvHeads.map(String.init) ?? "= heads"
            let intermediate = family.intermediate == 0 ? "4 x hidden" : "\(family.intermediate)"
            let read: String
            switch family.mapper {
            case .refused: read = "refused (see below)"
            case .multimodal(let m): read = "wrapper: text \(m.textType), vision \(m.vision.rawValue)"
            default: read = "\(family.mapper)"
            }
            if case .multimodal = family.mapper {
                lines.append("| \(family.modelType) | \(family.configClass) | | | | | | | | \(family.tie) | \(read) |")
            } else {
                lines.append("| \(family.modelType) | \(family.configClass) | \(family.vocab) | \(family.hidden) | \(family.layers) | \(family.keys.heads == nil ? "none" : "\(family.heads)") | \(kv) | \(family.keys.intermediate == nil ? "none" : intermediate) | \(family.keys.positions == nil ? "none" : "\(family.maxPositions)") | \(family.tie) | \(read) |")
            }
        }
        return lines.joined(separator: "\n")
    }
}
