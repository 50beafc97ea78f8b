import Foundation
import Testing

/// Runs the built `archcalc` binary (found next to the test bundle) for the architecture end-to-end tests.
enum ArchCLI {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let root: String = {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static var binary: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("archcalc").path
    }

    static func hf(_ name: String) -> String { "\(root)/Tests/Fixtures/hf/\(name).json" }

    static func run(_ arguments: [String], stdin: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A temporary file holding `text`.
    static func temporary(_ text: String, name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("archcalc-arch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// A comparison's metrics from `--format json`: metric name to (values, differences).
    static func metrics(_ text: String) throws -> [String: (values: [Int], differences: [Int])] {
        let object = try #require(try json(text) as? [String: Any])
        let rows = try #require(object["metrics"] as? [Any])
        var result: [String: (values: [Int], differences: [Int])] = [:]
        for case let row as [String: Any] in rows {
            guard let name = row["metric"] as? String else { continue }
            result[name] = (integers(row["values"]), integers(row["differences"]))
        }
        return result
    }

    static func integers(_ value: Any?) -> [Int] {
        guard let list = value as? [Any] else { return [] }
        return list.compactMap { ($0 as? NSNumber)?.intValue ?? ($0 as? Int) }
    }
}
