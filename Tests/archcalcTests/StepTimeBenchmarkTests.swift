import Foundation
import Testing

@Suite struct StepTimeBenchmarkTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Runs `scripts/<script> --self-test` and returns its exit status and its output (stdout and stderr).
    static func selfTest(_ script: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root + "/scripts/" + script, "--self-test"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// scripts/bench-steptime.py's arithmetic (quantities from prefill and decode seconds, geometric mean, the
    /// 15% count) checked on hand-worked numbers by its own self-test.
    @Test func benchmarkArithmeticSelfTestPasses() throws {
        let (status, output) = try Self.selfTest("bench-steptime.py")
        #expect(status == 0 && output.contains("self-test: ok"), "\(output)")
    }

    /// scripts/extract-kernel-points.py rewrites only the points it extracts: its self-test merges the current
    /// kernel-points.json with its own points and fails when a point it does not own (all-to-all, tilelang, any
    /// other typed-in source) would be dropped, when a point it no longer extracts goes unreported, or when an
    /// extracted id clashes with a kept one.
    @Test func kernelPointExtractionKeepsPointsItDoesNotOwn() throws {
        let (status, output) = try Self.selfTest("extract-kernel-points.py")
        #expect(status == 0 && output.contains("self-test: ok"), "\(output)")
        #expect(output.contains("alltoall"), "\(output)")
    }

    /// Every published point names its source and a positive measured time.
    @Test func everyPointNamesItsSource() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.root + "/scripts/steptime-points.json"))
        let points = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(points.count >= 10)
        for point in points {
            #expect((point["source"] as? String)?.isEmpty == false)
            #expect(((point["measured_ms"] as? Double) ?? 0) > 0)
            #expect(["prefill", "decode", "end_to_end"].contains(point["quantity"] as? String ?? ""))
        }
    }
}
