/// Finding the nearest supported model type for an unknown one.
extension HFFamily {
    /// Model types spelled differently from transformers' (a small alias table), then the nearest supported
    /// type by edit distance (at most a third of the name, so unrelated names suggest nothing).
    static let aliases: [String: String] = [
        "kimi_k25": "kimi_k2", "deepseek": "deepseek_v3", "qwen": "qwen2", "mixtral_moe": "mixtral",
        "llama3": "llama", "llama4_vision": "llama4", "gemma3_vision": "gemma3", "gpt-oss": "gpt_oss",
    ]

    static func nearest(to type: String) -> String? {
        let lowered = type.lowercased()
        if let alias = aliases[lowered] { return alias }
        let best = all.map { ($0.modelType, EditDistance.between(lowered, $0.modelType)) }.min { $0.1 < $1.1 }
        if let best, best.1 <= 2 { return best.0 }
        // A versioned variant of a supported type: deepseek_v3_5 -> deepseek_v3, qwen3_moe_2 -> qwen3_moe.
        if let prefix = all.map(\.modelType).filter({ lowered.hasPrefix($0) && $0.count >= 4 }).max(by: { $0.count < $1.count }) {
            return prefix
        }
        guard let best, best.1 <= max(1, lowered.count / 3) else { return nil }
        return best.0
    }
}
