import ArchSpec
import Foundation

/// The checkpoint readers on the same bytes: as a safetensors file, as a safetensors header (the bytes behind
/// an 8-byte length, so JSON inputs reach the header parser), as a GGUF file and behind a GGUF v3 magic. The
/// readers take files (they read with `pread`), so each variant is written to a per-process directory.
enum FuzzCheckpoint {
    static let directory: String = {
        let path = NSTemporaryDirectory() + "archcalc-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static func run(_ bytes: [UInt8]) {
        let length = (0..<8).map { UInt8(truncatingIfNeeded: UInt64(bytes.count) >> (8 * UInt64($0))) }
        let variants: [(String, [UInt8])] = [
            ("model.safetensors", bytes), ("header.safetensors", length + bytes),
            ("model.gguf", bytes), ("magic.gguf", Array("GGUF".utf8) + [3, 0, 0, 0] + bytes),
        ]
        for (name, contents) in variants {
            let path = directory + "/" + name
            guard FileManager.default.createFile(atPath: path, contents: Data(contents)) else { continue }
            check(path)
        }
    }

    static func check(_ path: String) {
        guard let result = CheckpointLoader.load(path: path) else { return }
        for diagnostic in result.diagnostics {
            precondition(!diagnostic.oneLine.contains("\n"), "multi-line checkpoint diagnostic: \(diagnostic.oneLine)")
        }
        precondition((result.spec == nil) == result.hasErrors, "a checkpoint spec must load exactly when there is no error")
        guard let summary = result.checkpoint else {
            precondition(result.hasErrors, "a checkpoint without counts must say why")
            return
        }
        precondition(summary.parameters >= 0 && summary.overhead.elements >= 0 && summary.buffers.elements >= 0)
        precondition(summary.dtypes.values.reduce(0) { $0 + $1.tensors } == summary.tensorCount)
        let text = CheckpointRendering.text(summary)
        precondition(!text.unicodeScalars.contains { $0.value == 0x1B }, "escape sequence in checkpoint text")
        let json = CheckpointRendering.json(summary).rendered()
        precondition((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "invalid checkpoint JSON")
        if let spec = result.spec { _ = try? CostModel.estimate(spec, options: CostOptions()) }
    }
}
