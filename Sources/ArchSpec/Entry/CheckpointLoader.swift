/// Reads a checkpoint as a spec: its tensors counted from the headers, its architecture from `config.json`
/// beside it (the Hugging Face import) or from GGUF metadata. The entry point behind `estimate`, `size`,
/// `compare` and `convert` accepting checkpoints.
public enum CheckpointLoader {
    /// A loaded checkpoint: the spec result (with `checkpoint` set) for a checkpoint path, `nil` for any other
    /// path (read as a spec). Never throws: every failure is a diagnostic.
    public static func load(path: String) -> SpecLoadResult? {
        guard let detected = CheckpointSource.detect(path) else { return nil }
        switch detected {
        case .failure(let error): return failure(path, error)
        case .success(let source):
            do { return try load(source, path: path) } catch { return failure(path, error) }
        }
    }

    /// Only the counts of a checkpoint (for `lint --checkpoint`).
    ///
    /// - Throws: `CheckpointError` when `path` is not a checkpoint or a header is malformed.
    public static func summary(path: String) throws(CheckpointError) -> CheckpointSummary {
        guard CheckpointSource.exists(path) || CheckpointSource.isDirectory(path) else { throw CheckpointError(file: path, "no such file") }
        guard let detected = CheckpointSource.detect(path) else {
            throw CheckpointError(file: path, "not a checkpoint: expected a .safetensors file, a safetensors index, a directory of shards or a .gguf file")
        }
        let source: CheckpointSource
        switch detected {
        case .failure(let error): throw error
        case .success(let found): source = found
        }
        guard let summary = try load(source, path: path).checkpoint else { throw CheckpointError(file: path, "no tensors read") }
        return summary
    }

    static func load(_ source: CheckpointSource, path: String) throws(CheckpointError) -> SpecLoadResult {
        switch source {
        case .gguf(let file): return try GGUFLoading.load(file: file, path: path)
        case .safetensors(let files):
            var tensors: [TensorEntry] = []
            var bytes: Int128 = 0
            for header in try ShardHeaders.read(files) {
                tensors += header.tensors
                bytes += Int128(header.fileBytes)
            }
            return try finish(path: path, directory: directoryOf(path), files: files, tensors: tensors, totalSize: nil,
                              fileBytes: bytes)
        case .index(let file):
            let index = try SafetensorsIndex.read(path: file)
            return try finish(path: path, directory: PathText.parent(file), files: index.shards, tensors: index.tensors,
                              totalSize: index.totalSize, fileBytes: index.fileBytes)
        }
    }

    static func directoryOf(_ path: String) -> String {
        CheckpointSource.isDirectory(path) ? path : PathText.parent(path)
    }

    /// Counts the tensors against the config beside them and builds the result.
    static func finish(path: String, directory: String, files: [String], tensors: [TensorEntry],
                       totalSize: Int128?, fileBytes: Int128) throws(CheckpointError) -> SpecLoadResult {
        var summary = CheckpointSummary(path: path, format: .safetensors, files: files)
        summary.bytesOnDisk = fileBytes
        summary.indexTotalSize = totalSize
        let configPath = PathText.join(directory, "config.json")
        let config = CheckpointSource.exists(configPath) ? ConfigFacts.read(directory: directory) : ConfigFacts()
        summary.quantization = config.quantization
        summary.architecture = config.modelType
        var result: SpecLoadResult
        if CheckpointSource.exists(configPath) {
            result = SpecLoader.load(path: configPath)
        } else {
            result = SpecDocumentLoader.failure(file: path, Diagnostic(
                severity: .error, code: .load(.missingField),
                message: "architecture not recovered: no config.json beside the checkpoint; the counts read from its headers follow",
                file: path, location: nil))
        }
        try CheckpointCounter.count(tensors, into: &summary, layers: result.spec?.layers ?? config.layers,
                                    tiedEmbeddings: result.spec?.tieEmbeddings ?? config.tied)
        if let totalSize, totalSize != summary.dtypes.values.reduce(0, { $0 + $1.bytes }) {
            result.diagnostics.append(Diagnostic(
                severity: .warning, code: .load(.inconsistent),
                message: "index metadata.total_size is \(HumanUnits.grouped(totalSize)) bytes but the shards hold \(HumanUnits.grouped(summary.dtypes.values.reduce(0) { $0 + $1.bytes })) bytes of tensor data",
                file: path, location: nil))
        }
        if let spec = result.spec, let comparison = try? CheckpointComparison(spec: spec, checkpoint: summary), !comparison.matches {
            result.diagnostics.append(Diagnostic(
                severity: .warning, code: .load(.inconsistent),
                message: "config.json and the tensors disagree: " + comparison.differences.map(CheckpointComparison.describe).joined(separator: "; "),
                file: path, location: nil))
        }
        result.file = path
        result.checkpoint = summary
        return result
    }

    static func failure(_ path: String, _ error: CheckpointError) -> SpecLoadResult {
        // The diagnostic names the file at fault (a shard, the index), with its line and column or byte offset.
        SpecDocumentLoader.failure(file: path, error.diagnostic)
    }
}

/// The facts of a `config.json` the counting needs, read without the full import (which may refuse the model).
struct ConfigFacts {
    var quantization: QuantizationConfig?
    var modelType: String?
    var layers: Int?
    var tied = false

    static func read(directory: String) -> ConfigFacts {
        var facts = ConfigFacts()
        guard let root = json(PathText.join(directory, "config.json")) else { return facts }
        let text = root["text_config"] ?? root
        facts.modelType = root["model_type"]?.string
        facts.layers = text["num_hidden_layers"]?.integer
        facts.tied = root["tie_word_embeddings"]?.bool ?? text["tie_word_embeddings"]?.bool ?? false
        facts.quantization = QuantizationConfig.read(root)
            ?? ["hf_quant_config.json", "quantize_config.json", "quant_config.json"].lazy
                .compactMap { json(PathText.join(directory, $0)).flatMap(QuantizationConfig.read) }.first
        return facts
    }

    static func json(_ path: String) -> HeaderJSON? {
        guard CheckpointSource.exists(path), let bytes = try? FileInput.read(path, limit: 16 << 20) else { return nil }
        return try? HeaderJSON.parse(bytes)
    }
}
