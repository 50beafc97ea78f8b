import ArchSpec

/// Paths inside the repository, found from this file's location.
enum Repository {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/ArchSpecTests/Support.swift
        return parts.joined(separator: "/")
    }()

    static func path(_ relative: String) -> String { root + "/" + relative }
}

/// Loads a spec from YAML text, for tests.
func load(_ yaml: String, file: String = "test.yaml") -> SpecLoadResult {
    SpecLoader.load(bytes: Array(yaml.utf8), file: file)
}

/// A valid Llama-3-8B spec as text, to derive bad variants from.
let llama3YAML = """
    archspec: 1
    name: llama-3-8b
    vocab_size: 128256
    hidden_size: 4096
    layers: 32
    context_length: 8192
    dtype: bf16
    attention:
      heads: 32
      kv_heads: 8
    mlp:
      kind: gated
      intermediate_size: 14336
    """
