import Foundation

/// Runs the built `archcalc` binary and captures what it prints.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    /// The repository root, found from this file's location.
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// The `archcalc` executable next to the test bundle (`.build/<config>/archcalc`).
    static let binary: URL = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("archcalc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: root + "/.build/debug/archcalc")
    }()

    static func path(_ relative: String) -> String { root + "/" + relative }

    /// Runs `archcalc` with `arguments`, feeding `input` on standard input.
    static func run(_ arguments: [String], input: String? = nil, environment: [String: String]? = nil,
                    directory: String? = nil) throws -> CLIResult {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? root)
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A temporary file holding `contents`.
    static func temporaryFile(_ contents: String, name: String = "spec.yaml") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("archcalc-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url.path
    }
}

/// The documents of `--format json` (docs/json.md).
enum JSONDocument {
    /// The top-level object, or `nil` when the text is not a JSON object.
    static func object(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

    /// `estimate --format json`'s `estimates` array, after checking the document's version.
    static func estimates(_ text: String) -> [[String: Any]]? {
        guard let document = object(text), document["version"] as? Int == 1 else { return nil }
        return document["estimates"] as? [[String: Any]]
    }
}
