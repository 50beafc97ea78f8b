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
        return EditDistance.nearest(to: key, among: candidates)
    }
}
