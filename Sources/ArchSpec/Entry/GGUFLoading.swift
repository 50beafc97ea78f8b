/// A GGUF file as a spec: its tensors counted, its architecture recovered from the metadata and held
/// against the tensors. A recovered architecture that disagrees with the tensors is refused (the counts are
/// still reported), so no estimate rests on a wrong reading.
enum GGUFLoading {
    static func load(file: String, path: String) throws(CheckpointError) -> SpecLoadResult {
        let header = try GGUFReader.read(path: file)
        var summary = CheckpointSummary(path: path, format: .gguf, files: [file])
        summary.bytesOnDisk = Int128(try CheckpointFile(path: file).size)
        summary.metadata = header.metadata
        let arch = header.metadata.string("general.architecture")
        summary.architecture = arch
        let blocks = arch.flatMap { header.metadata.int("\($0).block_count") }
        let nextn = arch.flatMap { header.metadata.int("\($0).nextn_predict_layers") } ?? 0
        try CheckpointCounter.count(header.tensors, into: &summary, layers: blocks.map { $0 - nextn }, tiedEmbeddings: false)
        if let splits = header.metadata.int("split.count"), splits > 1 {
            return refused(path, summary, "this is one of \(splits) split GGUF files; archcalc reads unsplit files (merge them with llama-gguf-split --merge)")
        }
        let name = SpecDocumentLoader.baseName(path)
        switch GGUFArchitecture.archspec(header.metadata, tensors: header.tensors, name: name) {
        case .missing(let reason):
            return refused(path, summary, reason)
        case .spec(let yaml):
            var result = SpecLoader.load(bytes: Array(yaml.utf8), file: path)
            if let error = result.diagnostics.first(where: { $0.severity == .error }) {
                return refused(path, summary, "the metadata does not make a valid spec: \(error.message)")
            }
            guard let spec = result.spec else { return refused(path, summary, "the metadata does not make a valid spec") }
            do {
                let comparison = try CheckpointComparison(spec: spec, checkpoint: summary)
                if !comparison.matches {
                    return refused(path, summary, "the architecture read from the metadata disagrees with the tensors: "
                        + comparison.differences.map(CheckpointComparison.describe).joined(separator: "; "))
                }
            } catch {
                return refused(path, summary, error.description)
            }
            // Locations point into the generated YAML, not the file: drop them.
            result.diagnostics = result.diagnostics.map { var d = $0; d.location = nil; return d }
            result.checkpoint = summary
            return result
        }
    }

    static func refused(_ path: String, _ summary: CheckpointSummary, _ reason: String) -> SpecLoadResult {
        var result = SpecDocumentLoader.failure(file: path, Diagnostic(
            severity: .error, code: .load(.unsupported),
            message: "architecture not recovered from the GGUF metadata: \(reason); the counts read from its headers follow",
            file: path, location: nil))
        result.checkpoint = summary
        return result
    }
}
