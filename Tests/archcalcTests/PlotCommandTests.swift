import Foundation
import Testing

/// `size --plot`: what the chart marks, the sweep chart, and names that are not .svg.
@Suite struct PlotCommandTests {
    static let llama = CLI.path("specs/llama-3.1-8b.yaml")

    static func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("archcalc-plot-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The elements with an `id`, each with its attributes, read with a regular expression (the SVG is
    /// archcalc's own, one element per line).
    static func elements(_ svg: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in svg.split(separator: "\n") {
            guard let range = line.range(of: #" id="[^"]+""#, options: .regularExpression) else { continue }
            result[String(line[range].dropFirst(5).dropLast())] = String(line)
        }
        return result
    }

    @Test func theChartMarksThePointTheMaxContextAndTheLimit() throws {
        let path = try Self.directory() + "/chart.svg"
        let run = try CLI.run(["size", Self.llama, "--hardware", "l40s", "--context", "32k", "--batch", "4", "--plot", path])
        #expect(run.status == 0, "\(run.stderr)")
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        let ids = Self.elements(svg)
        #expect(ids["requested-point"]?.contains(#"data-fits="true""#) == true)
        #expect(ids["max-context"] != nil && ids["model-limit"] != nil && ids["capacity"] != nil)
        #expect(ids["capacity-less-reserve"] == nil, "one capacity line, the threshold the curves are measured against")
        #expect(svg.contains("max context at batch 4: 63,599") && svg.contains("model limit 131,072"))
        #expect(svg.contains("context 32768, batch 4, weights bf16, KV bf16: fits, 15.1 GiB free"))
        #expect(svg.contains("32k x 4: 32.9 GiB, fits"))
        // 48 GiB of capacity framed: ticks of 10 up to 60, not three ticks to 3x capacity.
        #expect(svg.contains(">60</text>") && !svg.contains(">150</text>"))
    }

    @Test func aPointThatDoesNotFitIsMarkedSo() throws {
        let path = try Self.directory() + "/over.svg"
        let run = try CLI.run(["size", CLI.path("specs/llama-3-8b.yaml"), "--hardware", "l4", "--gpus", "1",
                               "--batch", "16", "--plot", path])
        #expect(run.status == 1)
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(Self.elements(svg)["requested-point"]?.contains(#"data-fits="false""#) == true)
        #expect(svg.contains("does not fit, over by 8.95 GiB") && svg.contains("max context at batch 16: 3,608"))
    }

    /// Past the model's limit the chart carries the warning, and the max-context line says it stopped at the request.
    @Test func aContextPastTheLimitIsWarnedOnTheChart() throws {
        let path = try Self.directory() + "/past.svg"
        let run = try CLI.run(["size", CLI.path("specs/llama-3-8b.yaml"), "--hardware", "h100-sxm", "--context", "32k",
                               "--batch", "8", "--plot", path])
        #expect(run.status == 0, "\(run.stderr)")
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.contains(">warning: context 32,768 exceeds the model&apos;s context_length 8,192 (AC501)"))
        #expect(svg.contains("fits to the requested 32,768 at batch 8") && svg.contains("model limit 8,192"))
    }

    @Test func aSweepIsPlotted() throws {
        let path = try Self.directory() + "/sweep.svg"
        let run = try CLI.run(["size", CLI.path("specs/llama-3-8b.yaml"), "--hardware", "l40s", "--batch", "4",
                               "--sweep", "context=1k..64k", "--plot", path])
        #expect(run.status == 0, "\(run.stderr)")
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        let ids = Self.elements(svg)
        for id in ["sweep-memory", "capacity", "model-limit", "sweep-per-sequence", "sweep-aggregate"] {
            #expect(ids[id] != nil, "missing \(id)")
        }
        #expect((0..<7).allSatisfy { ids["point-\($0)"]?.contains(#"data-fits="true""#) == true })
        #expect(svg.contains("context 1024 to 65536 at batch 4, weights bf16, KV bf16: 7 of 7 points fit"))
        #expect(svg.contains("warning: contexts 16384, 32768, 65536 exceed the model"))
    }

    @Test func aNameThatIsNotSVGIsAUsageError() throws {
        let dir = try Self.directory()
        for name in ["chart.png", "chart"] {
            let run = try CLI.run(["size", Self.llama, "--hardware", "l40s", "--plot", dir + "/" + name])
            #expect(run.status == 2)
            #expect(run.stderr.contains("--plot writes SVG: name a .svg file"))
            #expect(!FileManager.default.fileExists(atPath: dir + "/" + name))
        }
    }
}
