/// Finds the valid key a user most likely meant.
enum Suggestion {
    /// Keys other calculators and Hugging Face configs use, mapped to archspec paths.
    static let synonyms: [String: String] = [
        "num_attention_heads": "attention.heads", "n_head": "attention.heads", "n_heads": "attention.heads",
        "num_key_value_heads": "attention.kv_heads", "n_kv_heads": "attention.kv_heads",
        "num_kv_heads": "attention.kv_heads", "num_hidden_layers": "layers", "n_layer": "layers",
        "n_layers": "layers", "num_layers": "layers", "max_position_embeddings": "context_length",
        "n_positions": "context_length", "n_ctx": "context_length", "d_model": "hidden_size",
        "n_embd": "hidden_size", "tie_word_embeddings": "tie_embeddings", "torch_dtype": "dtype",
        "intermediate_size": "mlp.intermediate_size", "ffn_dim": "mlp.intermediate_size",
        "head_dim": "attention.head_dim", "heads": "attention.heads", "kv_heads": "attention.kv_heads",
    ]

    /// The nearest valid key among `candidates`, or a path elsewhere in the schema, or `nil`.
    static func nearest(to key: String, among candidates: [String], path prefix: String) -> String? {
        if let synonym = synonyms[key] {
            let local = prefix.isEmpty ? synonym : String(synonym.dropFirst(prefix.count + 1))
            if synonym.hasPrefix(prefix), candidates.contains(local) { return local }
            return synonym
        }
        let lowered = key.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate)
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let allowed = max(2, candidate.count / 3)
        return distance <= allowed ? candidate : nil
    }

    /// Levenshtein distance with transpositions counted as one edit, over Unicode scalars.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars.prefix(64)), b = Array(b.unicodeScalars.prefix(64))
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
