import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Runs the built `archcalc` next to the test bundle and captures its output.
private enum SizeRun {
    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static var binary: URL {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let beside = exe.deletingLastPathComponent().appendingPathComponent("archcalc")
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("archcalc")
    }

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func spec(_ name: String) -> String { repository.appendingPathComponent("specs/\(name).yaml").path }

    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func json(_ arguments: [String]) throws -> (Int32, Any) {
        let result = try run(arguments + ["--format", "json"])
        return (result.status, try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)))
    }
}

@Suite struct SizeTests {
    @Test func llama2DecodeOnA100IsMemoryBoundNear151TokensPerSecond() throws {
        let (status, value) = try SizeRun.json([
            "size", SizeRun.spec("llama-2-7b"), "--hardware", "a100-80gb", "--context", "1", "--batch", "1", "--timing", "roofline"])
        let object = try #require(value as? [String: Any])
        #expect(status == 0)
        #expect(object["hardware"] as? String == "a100-80gb")
        #expect(object["devices"] as? Int == 1 && object["tp"] as? Int == 1 && object["pp"] as? Int == 1)
        #expect(object["fits"] as? Bool == true)
        let memory = try #require(object["memory"] as? [String: Any])
        #expect(memory["weights"] as? Int == 13_476_831_232)  // 6,738,415,616 parameters x 2 bytes
        for key in ["capacity", "weights", "kv_cache", "activations", "reserve", "total"] { #expect(memory[key] is Int) }
        let decode = try #require(object["decode"] as? [String: Any])
        #expect(decode["bound"] as? String == "memory")
        // 2.039e12 B/s / 13.4768e9 B = 151.3 tokens/s from the datasheet; x 0.8 memory efficiency = 121.
        let ideal = try #require(decode["ideal_tokens_per_second"] as? Double)
        #expect(abs(ideal - 151.3) < 0.2)
        let rate = try #require(decode["tokens_per_second"] as? Double)
        #expect(abs(rate - 121.0) < 0.5)
        #expect(decode["seconds_per_token"] is Double)
        let prefill = try #require(object["prefill"] as? [String: Any])
        #expect(prefill["seconds"] is Double && prefill["bound"] is String)
        #expect(object["max_batch"] is Int && object["max_context"] is Int)
    }

    @Test func llama3_70bDoesNotFitOneA100AndTheCommandSaysHowMany() throws {
        let one = try SizeRun.run(["size", SizeRun.spec("llama-3-70b"), "--hardware", "a100-80gb", "--gpus", "1"])
        #expect(one.status == 1)
        #expect(one.stdout.contains("fits: no, over by"))
        let search = try SizeRun.run(["size", SizeRun.spec("llama-3-70b"), "--hardware", "a100-80gb"])
        #expect(search.status == 0)
        #expect(search.stdout.contains("llama-3-70b on 2 x a100-80gb (tp 2, pp 1)"))
        #expect(search.stdout.contains("1 device (tp 1 x pp 1): needs"))
    }

    @Test func llama31At128kIsDominatedByKVCache() throws {
        let (_, value) = try SizeRun.json([
            "size", SizeRun.spec("llama-3.1-8b"), "--hardware", "h200", "--context", "128k", "--gpus", "1"])
        let memory = try #require((value as? [String: Any])?["memory"] as? [String: Any])
        let kv = try #require(memory["kv_cache"] as? Int), weights = try #require(memory["weights"] as? Int)
        #expect(kv == 17_179_869_184)  // 131,072 bytes per token x 131,072 tokens
        #expect(kv > weights)
    }

    @Test func sweepPrintsOneObjectPerPoint() throws {
        let (status, value) = try SizeRun.json([
            "size", SizeRun.spec("llama-3.1-8b"), "--hardware", "h100-sxm", "--sweep", "context=1k..128k"])
        let document = try #require(value as? [String: Any])
        #expect(document["version"] as? Int == 2 && (document["sweep"] as? [String: Any])?["axis"] as? String == "context")
        let array = try #require(document["results"] as? [[String: Any]])
        #expect(status == 0)
        #expect(array.map { $0["context"] as? Int ?? 0 } == [1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072])
        let batches = try SizeRun.run(["size", SizeRun.spec("llama-2-7b"), "--hardware", "l40s", "--sweep", "batch=1..256"])
        #expect(batches.stdout.split(separator: "\n").count == 2 + 9)
    }

    @Test func plotWritesWellFormedSVGWithTheSeries() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("size-plot-\(getpid()).svg").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try SizeRun.run(["size", SizeRun.spec("llama-3.1-8b"), "--hardware", "h100-sxm", "--plot", path])
        #expect(result.status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let parser = XMLParser(data: data)
        let collector = SVGCollector()
        parser.delegate = collector
        #expect(parser.parse(), "SVG is not well-formed XML")
        for id in ["batch-1", "batch-4", "batch-16", "batch-64", "capacity", "weights-band", "roofline",
                   "point-prefill", "point-decode"] {
            #expect(collector.ids.contains(id), "missing \(id)")
        }
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("context length (tokens, log scale)"))
        #expect(text.contains("memory per device (GiB)"))
        #expect(text.contains("arithmetic intensity (FLOP/byte, log scale)"))
    }

    @Test func errorsExitWithTwo() throws {
        let unknown = try SizeRun.run(["size", SizeRun.spec("llama-2-7b"), "--hardware", "h100"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown hardware 'h100'"))
        let badSweep = try SizeRun.run(["size", SizeRun.spec("llama-2-7b"), "--hardware", "l4", "--sweep", "depth=1..2"])
        #expect(badSweep.status == 2)
        let missing = try SizeRun.run(["size", "/nonexistent.yaml", "--hardware", "l4"])
        #expect(missing.status == 2)
    }

    @Test func userHardwareFileWithUnitsLoadsAndTyposAreLocated() throws {
        let directory = FileManager.default.temporaryDirectory
        let good = directory.appendingPathComponent("gpu-\(getpid()).yaml")
        try """
            id: my-gpu
            name: My GPU
            vendor: me
            memory: 48 GiB
            memory_bandwidth: {value: 1 TB/s, source: my datasheet}
            peak_flops: {bf16: 200 TFLOPS}
            interconnect: {kind: PCIe, bandwidth: 32 GB/s}
            devices_per_node: 4
            """.write(to: good, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: good) }
        let shown = try SizeRun.run(["hardware", "show", good.path])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("48.0 GiB (51,539,607,552 B)"))
        let bad = directory.appendingPathComponent("bad-\(getpid()).yaml")
        try String(contentsOf: good, encoding: .utf8).replacingOccurrences(of: "devices_per_node", with: "devices_per_nod")
            .write(to: bad, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: bad) }
        let failed = try SizeRun.run(["size", SizeRun.spec("llama-2-7b"), "--hardware", bad.path])
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("\(bad.path):8:1: unknown key 'devices_per_nod'; did you mean 'devices_per_node'?"))
    }

    @Test func hardwareListNamesEveryBuiltIn() throws {
        let list = try SizeRun.run(["hardware", "list"])
        for id in ["h100-sxm", "h100-pcie", "h200", "b200", "a100-40gb", "a100-80gb", "l40s", "l4", "a10g", "rtx-4090",
                   "mi300x", "tpu-v5e", "m2-ultra", "cpu"] {
            #expect(list.stdout.contains("\n\(id) "), "missing \(id)")
        }
    }
}

private final class SVGCollector: NSObject, XMLParserDelegate {
    var ids: Set<String> = []
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if let id = attributes["id"] { ids.insert(id) }
    }
}
